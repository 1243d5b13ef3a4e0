using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PatientMessageExchange.Migrations.SqlServer.Migrations
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
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "FallbackAttempts",
                table: "Messages",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "RefundReason",
                table: "CreditPurchases",
                type: "nvarchar(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RefundReference",
                table: "CreditPurchases",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RefundedByName",
                table: "CreditPurchases",
                type: "nvarchar(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "RefundedUtc",
                table: "CreditPurchases",
                type: "datetimeoffset",
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
