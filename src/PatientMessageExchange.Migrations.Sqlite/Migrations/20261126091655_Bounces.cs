using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PatientMessageExchange.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Bounces : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Bounces",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DedupeKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Recipient = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                    OriginalRecipient = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                    Action = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    DiagnosticCode = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    RemoteMta = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                    ReportingMta = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                    FeedbackType = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    ReportMessageId = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    OriginalEnvelopeId = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    OriginalMessageId = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    MessageId = table.Column<long>(type: "INTEGER", nullable: true),
                    TurnedHard = table.Column<bool>(type: "INTEGER", nullable: false),
                    ContactPointsMarked = table.Column<int>(type: "INTEGER", nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    ReceivedUtc = table.Column<long>(type: "INTEGER", nullable: false),
                    ProcessedUtc = table.Column<long>(type: "INTEGER", nullable: false),
                    RawMessage = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Bounces", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Bounces_DedupeKey",
                table: "Bounces",
                column: "DedupeKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Bounces_MessageId",
                table: "Bounces",
                column: "MessageId");

            migrationBuilder.CreateIndex(
                name: "IX_Bounces_ProcessedUtc",
                table: "Bounces",
                column: "ProcessedUtc");

            migrationBuilder.CreateIndex(
                name: "IX_Bounces_Recipient_Kind_ReceivedUtc",
                table: "Bounces",
                columns: new[] { "Recipient", "Kind", "ReceivedUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Bounces");
        }
    }
}
