using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace PatientMessageExchange.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Preferences : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "ReviewedUtc",
                table: "ContactPoints",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ContactPreferences",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PatientId = table.Column<int>(type: "INTEGER", nullable: false),
                    Need = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Modes = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ExpressedUtc = table.Column<long>(type: "INTEGER", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContactPreferences", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ContactPreferences_Patients_PatientId",
                        column: x => x.PatientId,
                        principalTable: "Patients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DefaultContactPreferences",
                columns: table => new
                {
                    Need = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Modes = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    UpdatedUtc = table.Column<long>(type: "INTEGER", nullable: true),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DefaultContactPreferences", x => x.Need);
                });

            migrationBuilder.CreateTable(
                name: "DoNotContacts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PatientId = table.Column<int>(type: "INTEGER", nullable: false),
                    Mode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    RecordedUtc = table.Column<long>(type: "INTEGER", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DoNotContacts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DoNotContacts_Patients_PatientId",
                        column: x => x.PatientId,
                        principalTable: "Patients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Suppressions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Address = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    CreatedUtc = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Suppressions", x => x.Id);
                });

            migrationBuilder.InsertData(
                table: "DefaultContactPreferences",
                columns: new[] { "Need", "Modes", "UpdatedBy", "UpdatedUtc" },
                values: new object[,]
                {
                    { "AppointmentConfirmation", "Text,Phone", null, null },
                    { "AppointmentReminder", "Text,Email", null, null },
                    { "Billing", "Email", null, null },
                    { "GeneralAnnouncement", "Email", null, null },
                    { "ImmunizationDue", "Email,Text", null, null },
                    { "RecallWellVisit", "Email,Text", null, null }
                });

            migrationBuilder.CreateIndex(
                name: "IX_ContactPoints_Status",
                table: "ContactPoints",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_ContactPreferences_Need",
                table: "ContactPreferences",
                column: "Need");

            migrationBuilder.CreateIndex(
                name: "IX_ContactPreferences_PatientId_Need",
                table: "ContactPreferences",
                columns: new[] { "PatientId", "Need" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DoNotContacts_PatientId_Mode",
                table: "DoNotContacts",
                columns: new[] { "PatientId", "Mode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Suppressions_Address_Channel",
                table: "Suppressions",
                columns: new[] { "Address", "Channel" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ContactPreferences");

            migrationBuilder.DropTable(
                name: "DefaultContactPreferences");

            migrationBuilder.DropTable(
                name: "DoNotContacts");

            migrationBuilder.DropTable(
                name: "Suppressions");

            migrationBuilder.DropIndex(
                name: "IX_ContactPoints_Status",
                table: "ContactPoints");

            migrationBuilder.DropColumn(
                name: "ReviewedUtc",
                table: "ContactPoints");
        }
    }
}
