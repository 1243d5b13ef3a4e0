namespace PatientMessageExchange.Core.Data;

public class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>
    /// Required for SQL Server and PostgreSQL. For SQLite it defaults to a file in the data folder; set it to use another file.
    /// </summary>
    public string? ConnectionString { get; set; }

    public bool MigrateOnStart { get; set; } = true;
}
