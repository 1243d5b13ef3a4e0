using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PatientMessageExchange.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class Reports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Messages_SentUtc_Mode",
                table: "Messages");

            migrationBuilder.CreateIndex(
                name: "IX_Messages_SentUtc_CompletedUtc_Mode_Status_Cost",
                table: "Messages",
                columns: new[] { "SentUtc", "CompletedUtc", "Mode", "Status", "Cost" });

            migrationBuilder.CreateIndex(
                name: "IX_CreditLedgerEntries_Kind_CreatedUtc_Amount_InboundMessageId",
                table: "CreditLedgerEntries",
                columns: new[] { "Kind", "CreatedUtc", "Amount", "InboundMessageId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Messages_SentUtc_CompletedUtc_Mode_Status_Cost",
                table: "Messages");

            migrationBuilder.DropIndex(
                name: "IX_CreditLedgerEntries_Kind_CreatedUtc_Amount_InboundMessageId",
                table: "CreditLedgerEntries");

            migrationBuilder.CreateIndex(
                name: "IX_Messages_SentUtc_Mode",
                table: "Messages",
                columns: new[] { "SentUtc", "Mode" });
        }
    }
}
