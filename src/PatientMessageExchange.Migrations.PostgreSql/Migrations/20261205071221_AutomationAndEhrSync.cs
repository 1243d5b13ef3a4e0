using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace PatientMessageExchange.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class AutomationAndEhrSync : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "FhirId",
                table: "Providers",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "FhirId",
                table: "Patients",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "IdentifierSystem",
                table: "Patients",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "IdentifierValue",
                table: "Patients",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "PrimaryProviderId",
                table: "Patients",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "FhirId",
                table: "Guardians",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "EditedLocallyUtc",
                table: "ContactPoints",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "FromEhr",
                table: "ContactPoints",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "AutomationRuleId",
                table: "Campaigns",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "CancellationHandledUtc",
                table: "Appointments",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CancelledBy",
                table: "Appointments",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "CancelledUtc",
                table: "Appointments",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "FhirId",
                table: "Appointments",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "AutomationRules",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Timing = table.Column<int>(type: "integer", nullable: false),
                    DaysBefore = table.Column<int>(type: "integer", nullable: false),
                    SendAtMinutes = table.Column<int>(type: "integer", nullable: false),
                    HoursBefore = table.Column<int>(type: "integer", nullable: false),
                    AppointmentTypes = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    ProviderIds = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Locations = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    TemplateId = table.Column<int>(type: "integer", nullable: false),
                    IsEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    IsStandard = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedUtc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedUtc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
                    Id = table.Column<int>(type: "integer", nullable: false),
                    WindowStartMinutes = table.Column<int>(type: "integer", nullable: false),
                    WindowEndMinutes = table.Column<int>(type: "integer", nullable: false),
                    DeliveryDays = table.Column<int>(type: "integer", nullable: false),
                    DailyCapPerContact = table.Column<int>(type: "integer", nullable: false),
                    NoticeEmail = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    PausedUtc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    PausedNeedCredits = table.Column<int>(type: "integer", nullable: false),
                    PauseNoticeSentUtc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    UpdatedUtc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AutomationSettings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "EhrConnections",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Enabled = table.Column<bool>(type: "boolean", nullable: false),
                    BaseUrl = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    AuthMode = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    ProtectedBearerToken = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    ClientId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    TokenUrl = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Scope = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    KeyId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ProtectedPrivateKey = table.Column<string>(type: "character varying(12000)", maxLength: 12000, nullable: true),
                    PatientIdentifierSystem = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    SyncIntervalMinutes = table.Column<int>(type: "integer", nullable: false),
                    PatientCursorUtc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RelatedPersonCursorUtc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    AppointmentCursorUtc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    UpdatedUtc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EhrConnections", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "EhrContactRemovals",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PatientId = table.Column<int>(type: "integer", nullable: false),
                    Mode = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Value = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    RemovedUtc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EhrContactRemovals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EhrContactRemovals_Patients_PatientId",
                        column: x => x.PatientId,
                        principalTable: "Patients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "EhrSyncRuns",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    StartedUtc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    FinishedUtc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Created = table.Column<int>(type: "integer", nullable: false),
                    Updated = table.Column<int>(type: "integer", nullable: false),
                    Unchanged = table.Column<int>(type: "integer", nullable: false),
                    Skipped = table.Column<int>(type: "integer", nullable: false),
                    Pages = table.Column<int>(type: "integer", nullable: false),
                    Error = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EhrSyncRuns", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "EhrWriteBacks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AppointmentId = table.Column<int>(type: "integer", nullable: false),
                    AppointmentFhirId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    CreatedUtc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    NextAttemptUtc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CompletedUtc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LastError = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EhrWriteBacks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EhrWriteBacks_Appointments_AppointmentId",
                        column: x => x.AppointmentId,
                        principalTable: "Appointments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AutomatedSends",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RuleId = table.Column<int>(type: "integer", nullable: false),
                    AppointmentId = table.Column<int>(type: "integer", nullable: false),
                    AppointmentStartUtc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    PatientId = table.Column<int>(type: "integer", nullable: false),
                    DecidedUtc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    PracticeDay = table.Column<DateOnly>(type: "date", nullable: false),
                    Outcome = table.Column<int>(type: "integer", nullable: false),
                    SkipReason = table.Column<int>(type: "integer", nullable: true),
                    Explanation = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    CampaignId = table.Column<long>(type: "bigint", nullable: true),
                    Address = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true)
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

            migrationBuilder.CreateTable(
                name: "EhrSyncSkips",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RunId = table.Column<int>(type: "integer", nullable: false),
                    ResourceType = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ResourceId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EhrSyncSkips", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EhrSyncSkips_EhrSyncRuns_RunId",
                        column: x => x.RunId,
                        principalTable: "EhrSyncRuns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Providers_FhirId",
                table: "Providers",
                column: "FhirId");

            migrationBuilder.CreateIndex(
                name: "IX_Patients_FhirId",
                table: "Patients",
                column: "FhirId");

            migrationBuilder.CreateIndex(
                name: "IX_Patients_IdentifierValue_IdentifierSystem",
                table: "Patients",
                columns: new[] { "IdentifierValue", "IdentifierSystem" });

            migrationBuilder.CreateIndex(
                name: "IX_Patients_PrimaryProviderId",
                table: "Patients",
                column: "PrimaryProviderId");

            migrationBuilder.CreateIndex(
                name: "IX_Guardians_FhirId",
                table: "Guardians",
                column: "FhirId");

            migrationBuilder.CreateIndex(
                name: "IX_Campaigns_AutomationRuleId",
                table: "Campaigns",
                column: "AutomationRuleId");

            migrationBuilder.CreateIndex(
                name: "IX_Appointments_CancelledUtc_CancellationHandledUtc",
                table: "Appointments",
                columns: new[] { "CancelledUtc", "CancellationHandledUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Appointments_FhirId",
                table: "Appointments",
                column: "FhirId");

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

            migrationBuilder.CreateIndex(
                name: "IX_EhrContactRemovals_PatientId_Mode_Value",
                table: "EhrContactRemovals",
                columns: new[] { "PatientId", "Mode", "Value" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EhrSyncRuns_StartedUtc",
                table: "EhrSyncRuns",
                column: "StartedUtc");

            migrationBuilder.CreateIndex(
                name: "IX_EhrSyncSkips_RunId",
                table: "EhrSyncSkips",
                column: "RunId");

            migrationBuilder.CreateIndex(
                name: "IX_EhrWriteBacks_AppointmentId",
                table: "EhrWriteBacks",
                column: "AppointmentId");

            migrationBuilder.CreateIndex(
                name: "IX_EhrWriteBacks_Status_NextAttemptUtc",
                table: "EhrWriteBacks",
                columns: new[] { "Status", "NextAttemptUtc" });

            migrationBuilder.AddForeignKey(
                name: "FK_Patients_Providers_PrimaryProviderId",
                table: "Patients",
                column: "PrimaryProviderId",
                principalTable: "Providers",
                principalColumn: "Id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Patients_Providers_PrimaryProviderId",
                table: "Patients");

            migrationBuilder.DropTable(
                name: "AutomatedSends");

            migrationBuilder.DropTable(
                name: "AutomationSettings");

            migrationBuilder.DropTable(
                name: "EhrConnections");

            migrationBuilder.DropTable(
                name: "EhrContactRemovals");

            migrationBuilder.DropTable(
                name: "EhrSyncSkips");

            migrationBuilder.DropTable(
                name: "EhrWriteBacks");

            migrationBuilder.DropTable(
                name: "AutomationRules");

            migrationBuilder.DropTable(
                name: "EhrSyncRuns");

            migrationBuilder.DropIndex(
                name: "IX_Providers_FhirId",
                table: "Providers");

            migrationBuilder.DropIndex(
                name: "IX_Patients_FhirId",
                table: "Patients");

            migrationBuilder.DropIndex(
                name: "IX_Patients_IdentifierValue_IdentifierSystem",
                table: "Patients");

            migrationBuilder.DropIndex(
                name: "IX_Patients_PrimaryProviderId",
                table: "Patients");

            migrationBuilder.DropIndex(
                name: "IX_Guardians_FhirId",
                table: "Guardians");

            migrationBuilder.DropIndex(
                name: "IX_Campaigns_AutomationRuleId",
                table: "Campaigns");

            migrationBuilder.DropIndex(
                name: "IX_Appointments_CancelledUtc_CancellationHandledUtc",
                table: "Appointments");

            migrationBuilder.DropIndex(
                name: "IX_Appointments_FhirId",
                table: "Appointments");

            migrationBuilder.DropColumn(
                name: "FhirId",
                table: "Providers");

            migrationBuilder.DropColumn(
                name: "FhirId",
                table: "Patients");

            migrationBuilder.DropColumn(
                name: "IdentifierSystem",
                table: "Patients");

            migrationBuilder.DropColumn(
                name: "IdentifierValue",
                table: "Patients");

            migrationBuilder.DropColumn(
                name: "PrimaryProviderId",
                table: "Patients");

            migrationBuilder.DropColumn(
                name: "FhirId",
                table: "Guardians");

            migrationBuilder.DropColumn(
                name: "EditedLocallyUtc",
                table: "ContactPoints");

            migrationBuilder.DropColumn(
                name: "FromEhr",
                table: "ContactPoints");

            migrationBuilder.DropColumn(
                name: "AutomationRuleId",
                table: "Campaigns");

            migrationBuilder.DropColumn(
                name: "CancellationHandledUtc",
                table: "Appointments");

            migrationBuilder.DropColumn(
                name: "CancelledBy",
                table: "Appointments");

            migrationBuilder.DropColumn(
                name: "CancelledUtc",
                table: "Appointments");

            migrationBuilder.DropColumn(
                name: "FhirId",
                table: "Appointments");
        }
    }
}
