using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PatientMessageExchange.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class Fallback : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "DueDate",
                table: "Messages",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DueItem",
                table: "Messages",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "FallbackOfMessageId",
                table: "Messages",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "FallbackPendingUtc",
                table: "Messages",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Messages_FallbackOfMessageId",
                table: "Messages",
                column: "FallbackOfMessageId",
                unique: true,
                filter: "[FallbackOfMessageId] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Messages_FallbackPendingUtc",
                table: "Messages",
                column: "FallbackPendingUtc");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Messages_FallbackOfMessageId",
                table: "Messages");

            migrationBuilder.DropIndex(
                name: "IX_Messages_FallbackPendingUtc",
                table: "Messages");

            migrationBuilder.DropColumn(
                name: "DueDate",
                table: "Messages");

            migrationBuilder.DropColumn(
                name: "DueItem",
                table: "Messages");

            migrationBuilder.DropColumn(
                name: "FallbackOfMessageId",
                table: "Messages");

            migrationBuilder.DropColumn(
                name: "FallbackPendingUtc",
                table: "Messages");
        }
    }
}
