using Microsoft.EntityFrameworkCore.Migrations;

namespace PatientMessageExchange.Migrations.SqlServer;

/// <summary>
/// Ledger entries are append-only (R18): the database itself refuses to change or remove one. EF has no model for
/// triggers, so the Initial migration calls this; a regenerated Initial must call it again (docs/development.md).
/// CREATE TRIGGER must be the only statement of its batch, and an idempotent script wraps every statement in an IF
/// block, so the trigger is created through EXEC. The tests parse it with ScriptDom, since no SQL Server runs here.
/// </summary>
public static class AppendOnlyLedger
{
    public static void Create(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            EXEC(N'CREATE TRIGGER TR_CreditLedgerEntries_AppendOnly ON CreditLedgerEntries
            INSTEAD OF UPDATE, DELETE
            AS THROW 50018, ''CreditLedgerEntries rows are append-only'', 1;');
            """);
    }

    public static void Drop(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("DROP TRIGGER IF EXISTS TR_CreditLedgerEntries_AppendOnly;");
    }
}
