using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PatientMessageExchange.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class SuppressionScope : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Suppressions_Address_Channel",
                table: "Suppressions");

            migrationBuilder.AddColumn<bool>(
                name: "AnnouncementsOnly",
                table: "Suppressions",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateIndex(
                name: "IX_Suppressions_Address_Channel_AnnouncementsOnly",
                table: "Suppressions",
                columns: new[] { "Address", "Channel", "AnnouncementsOnly" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Suppressions_Address_Channel_AnnouncementsOnly",
                table: "Suppressions");

            migrationBuilder.DropColumn(
                name: "AnnouncementsOnly",
                table: "Suppressions");

            migrationBuilder.CreateIndex(
                name: "IX_Suppressions_Address_Channel",
                table: "Suppressions",
                columns: new[] { "Address", "Channel" },
                unique: true);
        }
    }
}
