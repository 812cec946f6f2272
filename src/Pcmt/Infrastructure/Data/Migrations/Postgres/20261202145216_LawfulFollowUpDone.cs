using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Pcmt.Infrastructure.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class LawfulFollowUpDone : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "follow_up_done_on",
                table: "lawful_inspections",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "follow_up_result",
                table: "lawful_inspections",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "follow_up_done_on",
                table: "lawful_inspections");

            migrationBuilder.DropColumn(
                name: "follow_up_result",
                table: "lawful_inspections");
        }
    }
}
