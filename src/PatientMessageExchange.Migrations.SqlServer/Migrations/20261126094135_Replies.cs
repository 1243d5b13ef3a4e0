using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PatientMessageExchange.Migrations.SqlServer.Migrations
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
                type: "bigint",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "InboundMessages",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ProviderSid = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Channel = table.Column<string>(type: "nvarchar(8)", maxLength: 8, nullable: false),
                    From = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    To = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    Body = table.Column<string>(type: "nvarchar(1600)", maxLength: 1600, nullable: false),
                    ReceivedUtc = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    PatientId = table.Column<int>(type: "int", nullable: true),
                    ContactPointId = table.Column<int>(type: "int", nullable: true),
                    AppointmentId = table.Column<int>(type: "int", nullable: true),
                    MessageId = table.Column<long>(type: "bigint", nullable: true),
                    HandledUtc = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InboundMessages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ProviderStatusEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Sid = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    Status = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    ErrorCode = table.Column<int>(type: "int", nullable: true),
                    ReceivedUtc = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
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
                unique: true,
                filter: "[RetryOfMessageId] IS NOT NULL");

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
