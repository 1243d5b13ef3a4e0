using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PatientMessageExchange.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class PurchaseIdempotencyKey : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "IdempotencyKey",
                table: "CreditPurchases",
                type: "nvarchar(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_CreditPurchases_IdempotencyKey",
                table: "CreditPurchases",
                column: "IdempotencyKey",
                unique: true,
                filter: "IdempotencyKey IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_CreditPurchases_IdempotencyKey",
                table: "CreditPurchases");

            migrationBuilder.DropColumn(
                name: "IdempotencyKey",
                table: "CreditPurchases");
        }
    }
}
