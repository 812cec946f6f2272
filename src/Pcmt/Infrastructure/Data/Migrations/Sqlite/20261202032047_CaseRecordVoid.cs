using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Pcmt.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CaseRecordVoid : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "recorded_scope",
                table: "case_records",
                type: "TEXT",
                maxLength: 60,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "void_reason",
                table: "case_records",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "voided_at",
                table: "case_records",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "voided_by",
                table: "case_records",
                type: "TEXT",
                maxLength: 256,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "recorded_scope",
                table: "case_records");

            migrationBuilder.DropColumn(
                name: "void_reason",
                table: "case_records");

            migrationBuilder.DropColumn(
                name: "voided_at",
                table: "case_records");

            migrationBuilder.DropColumn(
                name: "voided_by",
                table: "case_records");
        }
    }
}
