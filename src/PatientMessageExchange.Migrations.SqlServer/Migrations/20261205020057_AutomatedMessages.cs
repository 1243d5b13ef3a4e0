using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PatientMessageExchange.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class AutomatedMessages : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "AutomationRuleId",
                table: "Campaigns",
                type: "int",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "AutomationRules",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Name = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Kind = table.Column<int>(type: "int", nullable: false),
                    Timing = table.Column<int>(type: "int", nullable: false),
                    DaysBefore = table.Column<int>(type: "int", nullable: false),
                    SendAtMinutes = table.Column<int>(type: "int", nullable: false),
                    HoursBefore = table.Column<int>(type: "int", nullable: false),
                    AppointmentTypes = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    ProviderIds = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    Locations = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    TemplateId = table.Column<int>(type: "int", nullable: false),
                    IsEnabled = table.Column<bool>(type: "bit", nullable: false),
                    IsStandard = table.Column<bool>(type: "bit", nullable: false),
                    CreatedUtc = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    UpdatedUtc = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AutomationRules", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AutomationRules_MessageTemplates_TemplateId",
                        column: x => x.TemplateId,
                        principalTable: "MessageTemplates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AutomationSettings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false),
                    WindowStartMinutes = table.Column<int>(type: "int", nullable: false),
                    WindowEndMinutes = table.Column<int>(type: "int", nullable: false),
                    DeliveryDays = table.Column<int>(type: "int", nullable: false),
                    DailyCapPerContact = table.Column<int>(type: "int", nullable: false),
                    NoticeEmail = table.Column<string>(type: "nvarchar(254)", maxLength: 254, nullable: false),
                    PausedUtc = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    PausedNeedCredits = table.Column<int>(type: "int", nullable: false),
                    PauseNoticeSentUtc = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    UpdatedUtc = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AutomationSettings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AutomatedSends",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    RuleId = table.Column<int>(type: "int", nullable: false),
                    AppointmentId = table.Column<int>(type: "int", nullable: false),
                    AppointmentStartUtc = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    PatientId = table.Column<int>(type: "int", nullable: false),
                    DecidedUtc = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    PracticeDay = table.Column<DateOnly>(type: "date", nullable: false),
                    Outcome = table.Column<int>(type: "int", nullable: false),
                    SkipReason = table.Column<int>(type: "int", nullable: true),
                    Explanation = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    CampaignId = table.Column<long>(type: "bigint", nullable: true),
                    Address = table.Column<string>(type: "nvarchar(254)", maxLength: 254, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AutomatedSends", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AutomatedSends_AutomationRules_RuleId",
                        column: x => x.RuleId,
                        principalTable: "AutomationRules",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Campaigns_AutomationRuleId",
                table: "Campaigns",
                column: "AutomationRuleId");

            migrationBuilder.CreateIndex(
                name: "IX_AutomatedSends_Address_PracticeDay_Outcome",
                table: "AutomatedSends",
                columns: new[] { "Address", "PracticeDay", "Outcome" });

            migrationBuilder.CreateIndex(
                name: "IX_AutomatedSends_AppointmentId",
                table: "AutomatedSends",
                column: "AppointmentId");

            migrationBuilder.CreateIndex(
                name: "IX_AutomatedSends_AppointmentStartUtc",
                table: "AutomatedSends",
                column: "AppointmentStartUtc");

            migrationBuilder.CreateIndex(
                name: "IX_AutomatedSends_CampaignId",
                table: "AutomatedSends",
                column: "CampaignId");

            migrationBuilder.CreateIndex(
                name: "IX_AutomatedSends_DecidedUtc_RuleId",
                table: "AutomatedSends",
                columns: new[] { "DecidedUtc", "RuleId" });

            migrationBuilder.CreateIndex(
                name: "IX_AutomatedSends_RuleId_AppointmentId_AppointmentStartUtc",
                table: "AutomatedSends",
                columns: new[] { "RuleId", "AppointmentId", "AppointmentStartUtc" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AutomationRules_TemplateId",
                table: "AutomationRules",
                column: "TemplateId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AutomatedSends");

            migrationBuilder.DropTable(
                name: "AutomationSettings");

            migrationBuilder.DropTable(
                name: "AutomationRules");

            migrationBuilder.DropIndex(
                name: "IX_Campaigns_AutomationRuleId",
                table: "Campaigns");

            migrationBuilder.DropColumn(
                name: "AutomationRuleId",
                table: "Campaigns");
        }
    }
}
