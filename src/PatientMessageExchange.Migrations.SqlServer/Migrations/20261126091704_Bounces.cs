using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PatientMessageExchange.Migrations.SqlServer.Migrations
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    DedupeKey = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    Recipient = table.Column<string>(type: "nvarchar(254)", maxLength: 254, nullable: true),
                    OriginalRecipient = table.Column<string>(type: "nvarchar(254)", maxLength: 254, nullable: true),
                    Action = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: true),
                    Status = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: true),
                    DiagnosticCode = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    RemoteMta = table.Column<string>(type: "nvarchar(255)", maxLength: 255, nullable: true),
                    ReportingMta = table.Column<string>(type: "nvarchar(255)", maxLength: 255, nullable: true),
                    FeedbackType = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: true),
                    ReportMessageId = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    OriginalEnvelopeId = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    OriginalMessageId = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    MessageId = table.Column<long>(type: "bigint", nullable: true),
                    TurnedHard = table.Column<bool>(type: "bit", nullable: false),
                    ContactPointsMarked = table.Column<int>(type: "int", nullable: false),
                    Subject = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    ReceivedUtc = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    ProcessedUtc = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    RawMessage = table.Column<byte[]>(type: "varbinary(max)", nullable: false)
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
