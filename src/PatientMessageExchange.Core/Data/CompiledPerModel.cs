using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace PatientMessageExchange.Core.Data;

/// <summary>
/// A compiled EF Core query, compiled once per model. A compiled query may only run against the model it was compiled
/// with; the app has one model per process, but a process that hosts several apps (the integration tests, the
/// benchmarks) has one per host, and a single static compiled query would fail on the second.
/// </summary>
public sealed class CompiledPerModel<TQuery>(Func<TQuery> compile)
    where TQuery : class
{
    private readonly ConditionalWeakTable<IModel, TQuery> _compiled = [];

    public TQuery For(DbContext db) => _compiled.GetValue(db.Model, _ => compile());
}
