using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PatientMessageExchange.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Replies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "RetryOfMessageId",
                table: "Messages",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "InboundMessages",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProviderSid = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    From = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    To = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 1600, nullable: false),
                    ReceivedUtc = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    PatientId = table.Column<int>(type: "INTEGER", nullable: true),
                    ContactPointId = table.Column<int>(type: "INTEGER", nullable: true),
                    AppointmentId = table.Column<int>(type: "INTEGER", nullable: true),
                    MessageId = table.Column<long>(type: "INTEGER", nullable: true),
                    HandledUtc = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InboundMessages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ProviderStatusEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Sid = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ErrorCode = table.Column<int>(type: "INTEGER", nullable: true),
                    ReceivedUtc = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProviderStatusEvents", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Messages_Address_Channel_SentUtc",
                table: "Messages",
                columns: new[] { "Address", "Channel", "SentUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Messages_RetryOfMessageId",
                table: "Messages",
                column: "RetryOfMessageId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_InboundMessages_AppointmentId",
                table: "InboundMessages",
                column: "AppointmentId");

            migrationBuilder.CreateIndex(
                name: "IX_InboundMessages_Kind_HandledUtc",
                table: "InboundMessages",
                columns: new[] { "Kind", "HandledUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_InboundMessages_ProviderSid",
                table: "InboundMessages",
                column: "ProviderSid",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProviderStatusEvents_Sid_Status",
                table: "ProviderStatusEvents",
                columns: new[] { "Sid", "Status" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "InboundMessages");

            migrationBuilder.DropTable(
                name: "ProviderStatusEvents");

            migrationBuilder.DropIndex(
                name: "IX_Messages_Address_Channel_SentUtc",
                table: "Messages");

            migrationBuilder.DropIndex(
                name: "IX_Messages_RetryOfMessageId",
                table: "Messages");

            migrationBuilder.DropColumn(
                name: "RetryOfMessageId",
                table: "Messages");
        }
    }
}
