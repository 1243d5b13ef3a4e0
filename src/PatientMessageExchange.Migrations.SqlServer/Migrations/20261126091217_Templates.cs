using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PatientMessageExchange.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class Templates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "MessageTemplates",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Need = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    Scope = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    Language = table.Column<string>(type: "nvarchar(8)", maxLength: 8, nullable: false),
                    VariantOfId = table.Column<int>(type: "int", nullable: true),
                    EmailSubject = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    EmailHtmlBody = table.Column<string>(type: "nvarchar(max)", maxLength: 100000, nullable: true),
                    SmsBody = table.Column<string>(type: "nvarchar(1600)", maxLength: 1600, nullable: true),
                    VoiceScript = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    CreatedUtc = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    UpdatedUtc = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    LastUsedUtc = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    IsArchived = table.Column<bool>(type: "bit", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MessageTemplates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MessageTemplates_MessageTemplates_VariantOfId",
                        column: x => x.VariantOfId,
                        principalTable: "MessageTemplates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_MessageTemplates_LastUsedUtc",
                table: "MessageTemplates",
                column: "LastUsedUtc");

            migrationBuilder.CreateIndex(
                name: "IX_MessageTemplates_Need_Scope",
                table: "MessageTemplates",
                columns: new[] { "Need", "Scope" });

            migrationBuilder.CreateIndex(
                name: "IX_MessageTemplates_VariantOfId",
                table: "MessageTemplates",
                column: "VariantOfId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MessageTemplates");
        }
    }
}
