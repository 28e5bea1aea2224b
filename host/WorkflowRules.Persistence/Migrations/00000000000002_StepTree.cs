using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WorkflowRules.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class StepTree : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_received_events_workflow_instances_raised_by_instance_id",
                schema: "workflow",
                table: "received_events");

            migrationBuilder.DropForeignKey(
                name: "fk_workflow_instances_workflow_versions_workflow_version_id",
                schema: "workflow",
                table: "workflow_instances");

            migrationBuilder.DropIndex(
                name: "ix_workflow_instances_record_type_record_key",
                schema: "workflow",
                table: "workflow_instances");

            migrationBuilder.DropIndex(
                name: "ix_received_events_raised_by_instance_id",
                schema: "workflow",
                table: "received_events");

            migrationBuilder.AddColumn<string>(
                name: "category",
                schema: "workflow",
                table: "workflows",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "draft_version_id",
                schema: "workflow",
                table: "workflows",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "is_template",
                schema: "workflow",
                table: "workflows",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "template_source",
                schema: "workflow",
                table: "workflows",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "published_at",
                schema: "workflow",
                table: "workflow_versions",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "published_by",
                schema: "workflow",
                table: "workflow_versions",
                type: "text",
                nullable: true);

            migrationBuilder.AlterColumn<Guid>(
                name: "workflow_version_id",
                schema: "workflow",
                table: "workflow_instances",
                type: "uuid",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "uuid");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "archived_at",
                schema: "workflow",
                table: "workflow_instances",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "original_record_json",
                schema: "workflow",
                table: "workflow_instances",
                type: "jsonb",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "updated_at",
                schema: "workflow",
                table: "workflow_instances",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            migrationBuilder.AddColumn<Guid>(
                name: "queued_for_instance_id",
                schema: "workflow",
                table: "received_events",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "activation",
                schema: "workflow",
                table: "instance_steps",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<Guid>(
                name: "completed_by_event_id",
                schema: "workflow",
                table: "instance_steps",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "definition_step_id",
                schema: "workflow",
                table: "instance_steps",
                type: "text",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<Guid>(
                name: "definition_version_id",
                schema: "workflow",
                table: "instance_steps",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.AddColumn<string>(
                name: "next_step_id",
                schema: "workflow",
                table: "instance_steps",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "plugin_id",
                schema: "workflow",
                table: "instance_steps",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "plugin_version",
                schema: "workflow",
                table: "instance_steps",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "script_code",
                schema: "workflow",
                table: "instance_steps",
                type: "text",
                nullable: true);

            // Rows written before the step tree: published versions, steps defined by their instance's own version,
            // completed instances archived, pending raised events queued behind the instance that raised them.
            migrationBuilder.Sql("""
                UPDATE workflow.workflow_versions SET published_at = created_at, published_by = created_by;
                UPDATE workflow.instance_steps s
                   SET definition_version_id = i.workflow_version_id, definition_step_id = s.step_id,
                       activation = CASE WHEN s.status = 'Inactive' THEN 0 ELSE 1 END
                  FROM workflow.workflow_instances i WHERE s.instance_id = i.id;
                UPDATE workflow.workflow_instances
                   SET updated_at = COALESCE(completed_at, created_at),
                       archived_at = CASE WHEN status = 'Completed' THEN completed_at END;
                UPDATE workflow.received_events SET queued_for_instance_id = raised_by_instance_id WHERE status = 'Pending';
                """);

            migrationBuilder.CreateTable(
                name: "approval_entries",
                schema: "workflow",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    instance_id = table.Column<Guid>(type: "uuid", nullable: true),
                    record_type = table.Column<string>(type: "text", nullable: false),
                    record_key = table.Column<string>(type: "text", nullable: false),
                    sequence_no = table.Column<int>(type: "integer", nullable: false),
                    approver = table.Column<string>(type: "text", nullable: false),
                    status = table.Column<string>(type: "text", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_approval_entries", x => x.id);
                    table.ForeignKey(
                        name: "fk_approval_entries_workflow_instances_instance_id",
                        column: x => x.instance_id,
                        principalSchema: "workflow",
                        principalTable: "workflow_instances",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateIndex(
                name: "ix_workflows_draft_version_id",
                schema: "workflow",
                table: "workflows",
                column: "draft_version_id");

            migrationBuilder.CreateIndex(
                name: "ix_workflow_instances_archived_at",
                schema: "workflow",
                table: "workflow_instances",
                column: "archived_at",
                filter: "archived_at IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_workflow_instances_record_type_record_key",
                schema: "workflow",
                table: "workflow_instances",
                columns: new[] { "record_type", "record_key" },
                filter: "archived_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_received_events_queued_for_instance_id",
                schema: "workflow",
                table: "received_events",
                column: "queued_for_instance_id",
                filter: "status = 'Pending'");

            migrationBuilder.CreateIndex(
                name: "ix_received_events_raised_by_instance_id",
                schema: "workflow",
                table: "received_events",
                column: "raised_by_instance_id");

            migrationBuilder.CreateIndex(
                name: "ix_approval_entries_instance_id",
                schema: "workflow",
                table: "approval_entries",
                column: "instance_id");

            migrationBuilder.CreateIndex(
                name: "ix_approval_entries_record_type_record_key_status",
                schema: "workflow",
                table: "approval_entries",
                columns: new[] { "record_type", "record_key", "status" });

            migrationBuilder.AddForeignKey(
                name: "fk_received_events_workflow_instances_queued_for_instance_id",
                schema: "workflow",
                table: "received_events",
                column: "queued_for_instance_id",
                principalSchema: "workflow",
                principalTable: "workflow_instances",
                principalColumn: "id",
                onDelete: ReferentialAction.SetNull);

            migrationBuilder.AddForeignKey(
                name: "fk_received_events_workflow_instances_raised_by_instance_id",
                schema: "workflow",
                table: "received_events",
                column: "raised_by_instance_id",
                principalSchema: "workflow",
                principalTable: "workflow_instances",
                principalColumn: "id",
                onDelete: ReferentialAction.SetNull);

            migrationBuilder.AddForeignKey(
                name: "fk_workflow_instances_workflow_versions_workflow_version_id",
                schema: "workflow",
                table: "workflow_instances",
                column: "workflow_version_id",
                principalSchema: "workflow",
                principalTable: "workflow_versions",
                principalColumn: "id",
                onDelete: ReferentialAction.SetNull);

            migrationBuilder.AddForeignKey(
                name: "fk_workflows_workflow_versions_draft_version_id",
                schema: "workflow",
                table: "workflows",
                column: "draft_version_id",
                principalSchema: "workflow",
                principalTable: "workflow_versions",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_received_events_workflow_instances_queued_for_instance_id",
                schema: "workflow",
                table: "received_events");

            migrationBuilder.DropForeignKey(
                name: "fk_received_events_workflow_instances_raised_by_instance_id",
                schema: "workflow",
                table: "received_events");

            migrationBuilder.DropForeignKey(
                name: "fk_workflow_instances_workflow_versions_workflow_version_id",
                schema: "workflow",
                table: "workflow_instances");

            migrationBuilder.DropForeignKey(
                name: "fk_workflows_workflow_versions_draft_version_id",
                schema: "workflow",
                table: "workflows");

            migrationBuilder.DropTable(
                name: "approval_entries",
                schema: "workflow");

            migrationBuilder.DropIndex(
                name: "ix_workflows_draft_version_id",
                schema: "workflow",
                table: "workflows");

            migrationBuilder.DropIndex(
                name: "ix_workflow_instances_archived_at",
                schema: "workflow",
                table: "workflow_instances");

            migrationBuilder.DropIndex(
                name: "ix_workflow_instances_record_type_record_key",
                schema: "workflow",
                table: "workflow_instances");

            migrationBuilder.DropIndex(
                name: "ix_received_events_queued_for_instance_id",
                schema: "workflow",
                table: "received_events");

            migrationBuilder.DropIndex(
                name: "ix_received_events_raised_by_instance_id",
                schema: "workflow",
                table: "received_events");

            migrationBuilder.DropColumn(
                name: "category",
                schema: "workflow",
                table: "workflows");

            migrationBuilder.DropColumn(
                name: "draft_version_id",
                schema: "workflow",
                table: "workflows");

            migrationBuilder.DropColumn(
                name: "is_template",
                schema: "workflow",
                table: "workflows");

            migrationBuilder.DropColumn(
                name: "template_source",
                schema: "workflow",
                table: "workflows");

            migrationBuilder.DropColumn(
                name: "published_at",
                schema: "workflow",
                table: "workflow_versions");

            migrationBuilder.DropColumn(
                name: "published_by",
                schema: "workflow",
                table: "workflow_versions");

            migrationBuilder.DropColumn(
                name: "archived_at",
                schema: "workflow",
                table: "workflow_instances");

            migrationBuilder.DropColumn(
                name: "original_record_json",
                schema: "workflow",
                table: "workflow_instances");

            migrationBuilder.DropColumn(
                name: "updated_at",
                schema: "workflow",
                table: "workflow_instances");

            migrationBuilder.DropColumn(
                name: "queued_for_instance_id",
                schema: "workflow",
                table: "received_events");

            migrationBuilder.DropColumn(
                name: "activation",
                schema: "workflow",
                table: "instance_steps");

            migrationBuilder.DropColumn(
                name: "completed_by_event_id",
                schema: "workflow",
                table: "instance_steps");

            migrationBuilder.DropColumn(
                name: "definition_step_id",
                schema: "workflow",
                table: "instance_steps");

            migrationBuilder.DropColumn(
                name: "definition_version_id",
                schema: "workflow",
                table: "instance_steps");

            migrationBuilder.DropColumn(
                name: "next_step_id",
                schema: "workflow",
                table: "instance_steps");

            migrationBuilder.DropColumn(
                name: "plugin_id",
                schema: "workflow",
                table: "instance_steps");

            migrationBuilder.DropColumn(
                name: "plugin_version",
                schema: "workflow",
                table: "instance_steps");

            migrationBuilder.DropColumn(
                name: "script_code",
                schema: "workflow",
                table: "instance_steps");

            migrationBuilder.AlterColumn<Guid>(
                name: "workflow_version_id",
                schema: "workflow",
                table: "workflow_instances",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"),
                oldClrType: typeof(Guid),
                oldType: "uuid",
                oldNullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_workflow_instances_record_type_record_key",
                schema: "workflow",
                table: "workflow_instances",
                columns: new[] { "record_type", "record_key" });

            migrationBuilder.CreateIndex(
                name: "ix_received_events_raised_by_instance_id",
                schema: "workflow",
                table: "received_events",
                column: "raised_by_instance_id",
                filter: "status = 'Pending'");

            migrationBuilder.AddForeignKey(
                name: "fk_received_events_workflow_instances_raised_by_instance_id",
                schema: "workflow",
                table: "received_events",
                column: "raised_by_instance_id",
                principalSchema: "workflow",
                principalTable: "workflow_instances",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_workflow_instances_workflow_versions_workflow_version_id",
                schema: "workflow",
                table: "workflow_instances",
                column: "workflow_version_id",
                principalSchema: "workflow",
                principalTable: "workflow_versions",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);
        }
    }
}
