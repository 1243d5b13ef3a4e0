using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PatientMessageExchange.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class LedgerLooseEnds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "PerSegmentTextPricing",
                table: "PracticeProfiles",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "FallbackAttempts",
                table: "Messages",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "RefundReason",
                table: "CreditPurchases",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RefundReference",
                table: "CreditPurchases",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RefundedByName",
                table: "CreditPurchases",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "RefundedUtc",
                table: "CreditPurchases",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "PerSegmentTextPricing",
                table: "PracticeProfiles");

            migrationBuilder.DropColumn(
                name: "FallbackAttempts",
                table: "Messages");

            migrationBuilder.DropColumn(
                name: "RefundReason",
                table: "CreditPurchases");

            migrationBuilder.DropColumn(
                name: "RefundReference",
                table: "CreditPurchases");

            migrationBuilder.DropColumn(
                name: "RefundedByName",
                table: "CreditPurchases");

            migrationBuilder.DropColumn(
                name: "RefundedUtc",
                table: "CreditPurchases");
        }
    }
}
