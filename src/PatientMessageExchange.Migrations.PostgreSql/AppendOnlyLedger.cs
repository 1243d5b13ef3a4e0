using Microsoft.EntityFrameworkCore.Migrations;

namespace PatientMessageExchange.Migrations.PostgreSql;

/// <summary>
/// Ledger entries are append-only (R18): the database itself refuses to change, remove or truncate them. EF has no
/// model for triggers, so the Initial migration calls this; a regenerated Initial must call it again
/// (docs/development.md).
/// </summary>
public static class AppendOnlyLedger
{
    public static void Create(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            CREATE FUNCTION pmx_ledger_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION 'CreditLedgerEntries rows are append-only';
            END;
            $$;
            """);
        migrationBuilder.Sql("""
            CREATE TRIGGER "TR_CreditLedgerEntries_AppendOnly" BEFORE UPDATE OR DELETE ON "CreditLedgerEntries"
            FOR EACH ROW EXECUTE FUNCTION pmx_ledger_append_only();
            """);
        migrationBuilder.Sql("""
            CREATE TRIGGER "TR_CreditLedgerEntries_AppendOnly_Truncate" BEFORE TRUNCATE ON "CreditLedgerEntries"
            FOR EACH STATEMENT EXECUTE FUNCTION pmx_ledger_append_only();
            """);
    }

    public static void Drop(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "TR_CreditLedgerEntries_AppendOnly_Truncate" ON "CreditLedgerEntries";""");
        migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "TR_CreditLedgerEntries_AppendOnly" ON "CreditLedgerEntries";""");
        migrationBuilder.Sql("DROP FUNCTION IF EXISTS pmx_ledger_append_only();");
    }
}
