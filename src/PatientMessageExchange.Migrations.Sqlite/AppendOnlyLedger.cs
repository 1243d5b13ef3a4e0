using Microsoft.EntityFrameworkCore.Migrations;

namespace PatientMessageExchange.Migrations.Sqlite;

/// <summary>
/// Ledger entries are append-only (R18): the database itself refuses to change or remove one. EF has no model for
/// triggers, so the Initial migration calls this; a regenerated Initial must call it again (docs/development.md).
/// </summary>
public static class AppendOnlyLedger
{
    public static void Create(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            CREATE TRIGGER TR_CreditLedgerEntries_AppendOnly BEFORE UPDATE ON CreditLedgerEntries
            BEGIN SELECT RAISE(ABORT, 'CreditLedgerEntries rows are append-only'); END;
            """);
        migrationBuilder.Sql("""
            CREATE TRIGGER TR_CreditLedgerEntries_AppendOnly_Delete BEFORE DELETE ON CreditLedgerEntries
            BEGIN SELECT RAISE(ABORT, 'CreditLedgerEntries rows are append-only'); END;
            """);
    }

    public static void Drop(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("DROP TRIGGER IF EXISTS TR_CreditLedgerEntries_AppendOnly;");
        migrationBuilder.Sql("DROP TRIGGER IF EXISTS TR_CreditLedgerEntries_AppendOnly_Delete;");
    }
}
