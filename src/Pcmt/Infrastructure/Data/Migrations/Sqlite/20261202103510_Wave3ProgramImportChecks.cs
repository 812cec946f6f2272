using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Pcmt.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Wave3ProgramImportChecks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "import_file_name",
                table: "population_check_jobs",
                type: "TEXT",
                maxLength: 260,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "population_check_job_persons",
                columns: table => new
                {
                    job_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    person_id = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_population_check_job_persons", x => new { x.job_id, x.person_id });
                    table.ForeignKey(
                        name: "fk_population_check_job_persons_population_check_jobs_job_id",
                        column: x => x.job_id,
                        principalTable: "population_check_jobs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "population_check_job_persons");

            migrationBuilder.DropColumn(
                name: "import_file_name",
                table: "population_check_jobs");
        }
    }
}
