using System.Data;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using PatientMessageExchange.Core.Data;
using PatientMessageExchange.Web.Configuration;

namespace PatientMessageExchange.IntegrationTests.Data;

/// <summary>
/// A SQL Server context with no server behind it: EF Core translates every query for SQL Server as usual, and this
/// interceptor records each command's text instead of sending it, answering with no rows. Opening the connection and
/// starting a transaction are suppressed, and commands are stand-ins that accept the stand-in transaction, so nothing
/// ever leaves the process. SQL Server can't run here; this is how its SQL gets checked.
/// </summary>
public sealed class SqlServerCapture : DbCommandInterceptor
{
    private const string Unreachable = "Server=127.0.0.1,1;Database=pmx;User Id=sa;Password=unused;TrustServerCertificate=True;Connect Timeout=1";

    public List<string> Commands { get; } = [];

    public DbContextOptions<PmxDbContext> Options =>
        new DbContextOptionsBuilder<PmxDbContext>()
            .UseSqlServer(Unreachable, o => o.MigrationsAssembly(PersistenceSetup.SqlServerMigrationsAssembly))
            .AddInterceptors(this, new SuppressOpen(), new SuppressTransactions())
            .Options;

    public PmxDbContext CreateContext() => new(Options);

    public override InterceptionResult<DbCommand> CommandCreating(CommandCorrelatedEventData eventData, InterceptionResult<DbCommand> result) =>
        InterceptionResult<DbCommand>.SuppressWithResult(new CapturedCommand());

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(InterceptionResult<DbDataReader>.SuppressWithResult(new DataTable().CreateDataReader()));
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result)
    {
        Record(command);
        return InterceptionResult<DbDataReader>.SuppressWithResult(new DataTable().CreateDataReader());
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(InterceptionResult<int>.SuppressWithResult(0));
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(InterceptionResult<object>.SuppressWithResult(DBNull.Value));
    }

    private void Record(DbCommand command)
    {
        lock (Commands)
        {
            Commands.Add(command.CommandText);
        }
    }

    private sealed class SuppressTransactions : DbTransactionInterceptor
    {
        public override InterceptionResult<DbTransaction> TransactionStarting(DbConnection connection, TransactionStartingEventData eventData,
            InterceptionResult<DbTransaction> result) =>
            InterceptionResult<DbTransaction>.SuppressWithResult(new NoTransaction(connection, eventData.IsolationLevel));

        public override ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(DbConnection connection,
            TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(InterceptionResult<DbTransaction>.SuppressWithResult(new NoTransaction(connection, eventData.IsolationLevel)));
    }

    private sealed class NoTransaction(DbConnection connection, IsolationLevel isolationLevel) : DbTransaction
    {
        public override IsolationLevel IsolationLevel { get; } = isolationLevel;

        protected override DbConnection DbConnection { get; } = connection;

        public override void Commit()
        {
        }

        public override void Rollback()
        {
        }
    }

    /// <summary>
    /// Stands in for a SqlCommand: the text and SqlParameters EF Core builds for it are real, but it goes nowhere, and it
    /// takes the stand-in transaction that a SqlCommand would refuse.
    /// </summary>
    private sealed class CapturedCommand : DbCommand
    {
        private readonly Microsoft.Data.SqlClient.SqlCommand _shape = new();

        [System.Diagnostics.CodeAnalysis.AllowNull]
        public override string CommandText { get; set; } = "";

        public override int CommandTimeout { get; set; }

        public override CommandType CommandType { get; set; }

        public override bool DesignTimeVisible { get; set; }

        public override UpdateRowSource UpdatedRowSource { get; set; }

        protected override DbConnection? DbConnection { get; set; }

        protected override DbParameterCollection DbParameterCollection => _shape.Parameters;

        protected override DbTransaction? DbTransaction { get; set; }

        public override void Cancel()
        {
        }

        public override int ExecuteNonQuery() => throw new InvalidOperationException("Captured commands are never executed.");

        public override object? ExecuteScalar() => throw new InvalidOperationException("Captured commands are never executed.");

        public override void Prepare()
        {
        }

        protected override DbParameter CreateDbParameter() => _shape.CreateParameter();

        protected override DbDataReader ExecuteDbDataReader(CommandBehavior behavior) =>
            throw new InvalidOperationException("Captured commands are never executed.");

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _shape.Dispose();
            }
            base.Dispose(disposing);
        }
    }

    private sealed class SuppressOpen : DbConnectionInterceptor
    {
        public override InterceptionResult ConnectionOpening(DbConnection connection, ConnectionEventData eventData,
            InterceptionResult result) => InterceptionResult.Suppress();

        public override ValueTask<InterceptionResult> ConnectionOpeningAsync(DbConnection connection, ConnectionEventData eventData,
            InterceptionResult result, CancellationToken cancellationToken = default) => ValueTask.FromResult(InterceptionResult.Suppress());

        public override InterceptionResult ConnectionClosing(DbConnection connection, ConnectionEventData eventData,
            InterceptionResult result) => InterceptionResult.Suppress();

        public override ValueTask<InterceptionResult> ConnectionClosingAsync(DbConnection connection, ConnectionEventData eventData,
            InterceptionResult result) => ValueTask.FromResult(InterceptionResult.Suppress());
    }
}
