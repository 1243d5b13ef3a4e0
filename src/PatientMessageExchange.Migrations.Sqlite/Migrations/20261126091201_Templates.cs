using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PatientMessageExchange.Migrations.Sqlite.Migrations
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Need = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Scope = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    VariantOfId = table.Column<int>(type: "INTEGER", nullable: true),
                    EmailSubject = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    EmailHtmlBody = table.Column<string>(type: "TEXT", maxLength: 100000, nullable: true),
                    SmsBody = table.Column<string>(type: "TEXT", maxLength: 1600, nullable: true),
                    VoiceScript = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    CreatedUtc = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedUtc = table.Column<long>(type: "INTEGER", nullable: false),
                    LastUsedUtc = table.Column<long>(type: "INTEGER", nullable: true),
                    IsArchived = table.Column<bool>(type: "INTEGER", nullable: false)
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
