using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace WorkflowRules.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class InitialCreate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "workflow");

            migrationBuilder.CreateTable(
                name: "api_keys",
                schema: "workflow",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "text", nullable: false),
                    prefix = table.Column<string>(type: "text", nullable: false),
                    hash = table.Column<string>(type: "text", nullable: false),
                    roles = table.Column<List<string>>(type: "text[]", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    revoked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_api_keys", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "instance_steps",
                schema: "workflow",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    instance_id = table.Column<Guid>(type: "uuid", nullable: false),
                    step_id = table.Column<string>(type: "text", nullable: false),
                    parent_step_id = table.Column<string>(type: "text", nullable: true),
                    type = table.Column<string>(type: "text", nullable: false),
                    function_name = table.Column<string>(type: "text", nullable: false),
                    sequence = table.Column<int>(type: "integer", nullable: false),
                    status = table.Column<string>(type: "text", nullable: false),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    message = table.Column<string>(type: "text", nullable: true),
                    error = table.Column<string>(type: "text", nullable: true),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    completed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_instance_steps", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "outbox_messages",
                schema: "workflow",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    instance_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "text", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    dispatched_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    job_id = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_outbox_messages", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "received_events",
                schema: "workflow",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    event_name = table.Column<string>(type: "text", nullable: false),
                    record_type = table.Column<string>(type: "text", nullable: false),
                    record_key = table.Column<string>(type: "text", nullable: false),
                    record_json = table.Column<string>(type: "jsonb", nullable: false),
                    previous_record_json = table.Column<string>(type: "jsonb", nullable: true),
                    acting_user = table.Column<string>(type: "text", nullable: false),
                    occurred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    idempotency_key = table.Column<string>(type: "text", nullable: true),
                    raised_by_instance_id = table.Column<Guid>(type: "uuid", nullable: true),
                    status = table.Column<string>(type: "text", nullable: false),
                    processed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_received_events", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "workflow_instances",
                schema: "workflow",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    workflow_version_id = table.Column<Guid>(type: "uuid", nullable: false),
                    workflow_code = table.Column<string>(type: "text", nullable: false),
                    workflow_version_number = table.Column<int>(type: "integer", nullable: false),
                    record_type = table.Column<string>(type: "text", nullable: false),
                    record_key = table.Column<string>(type: "text", nullable: false),
                    record_json = table.Column<string>(type: "jsonb", nullable: false),
                    previous_record_json = table.Column<string>(type: "jsonb", nullable: true),
                    triggering_event_id = table.Column<Guid>(type: "uuid", nullable: false),
                    acting_user = table.Column<string>(type: "text", nullable: false),
                    status = table.Column<string>(type: "text", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    completed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_workflow_instances", x => x.id);
                    table.ForeignKey(
                        name: "fk_workflow_instances_received_events_triggering_event_id",
                        column: x => x.triggering_event_id,
                        principalSchema: "workflow",
                        principalTable: "received_events",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "workflow_versions",
                schema: "workflow",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    workflow_id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<int>(type: "integer", nullable: false),
                    entry_event = table.Column<string>(type: "text", nullable: false),
                    definition_json = table.Column<string>(type: "jsonb", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_by = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_workflow_versions", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "workflows",
                schema: "workflow",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    code = table.Column<string>(type: "text", nullable: false),
                    description = table.Column<string>(type: "text", nullable: false),
                    enabled = table.Column<bool>(type: "boolean", nullable: false),
                    current_version_id = table.Column<Guid>(type: "uuid", nullable: true),
                    entry_event = table.Column<string>(type: "text", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_workflows", x => x.id);
                    table.ForeignKey(
                        name: "fk_workflows_workflow_versions_current_version_id",
                        column: x => x.current_version_id,
                        principalSchema: "workflow",
                        principalTable: "workflow_versions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_api_keys_prefix",
                schema: "workflow",
                table: "api_keys",
                column: "prefix",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_instance_steps_instance_id_step_id",
                schema: "workflow",
                table: "instance_steps",
                columns: new[] { "instance_id", "step_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_instance_id",
                schema: "workflow",
                table: "outbox_messages",
                column: "instance_id");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_pending",
                schema: "workflow",
                table: "outbox_messages",
                column: "id",
                filter: "dispatched_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_received_events_idempotency_key",
                schema: "workflow",
                table: "received_events",
                column: "idempotency_key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_received_events_raised_by_instance_id",
                schema: "workflow",
                table: "received_events",
                column: "raised_by_instance_id",
                filter: "status = 'Pending'");

            migrationBuilder.CreateIndex(
                name: "ix_workflow_instances_record_type_record_key",
                schema: "workflow",
                table: "workflow_instances",
                columns: new[] { "record_type", "record_key" });

            migrationBuilder.CreateIndex(
                name: "ix_workflow_instances_triggering_event_id",
                schema: "workflow",
                table: "workflow_instances",
                column: "triggering_event_id");

            migrationBuilder.CreateIndex(
                name: "ix_workflow_instances_workflow_version_id",
                schema: "workflow",
                table: "workflow_instances",
                column: "workflow_version_id");

            migrationBuilder.CreateIndex(
                name: "ix_workflow_versions_workflow_id_number",
                schema: "workflow",
                table: "workflow_versions",
                columns: new[] { "workflow_id", "number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_workflows_code",
                schema: "workflow",
                table: "workflows",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_workflows_current_version_id",
                schema: "workflow",
                table: "workflows",
                column: "current_version_id");

            migrationBuilder.CreateIndex(
                name: "ix_workflows_entry_event",
                schema: "workflow",
                table: "workflows",
                column: "entry_event",
                filter: "enabled");

            migrationBuilder.AddForeignKey(
                name: "fk_instance_steps_workflow_instances_instance_id",
                schema: "workflow",
                table: "instance_steps",
                column: "instance_id",
                principalSchema: "workflow",
                principalTable: "workflow_instances",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "fk_outbox_messages_workflow_instances_instance_id",
                schema: "workflow",
                table: "outbox_messages",
                column: "instance_id",
                principalSchema: "workflow",
                principalTable: "workflow_instances",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);

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

            migrationBuilder.AddForeignKey(
                name: "fk_workflow_versions_workflows_workflow_id",
                schema: "workflow",
                table: "workflow_versions",
                column: "workflow_id",
                principalSchema: "workflow",
                principalTable: "workflows",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_received_events_workflow_instances_raised_by_instance_id",
                schema: "workflow",
                table: "received_events");

            migrationBuilder.DropForeignKey(
                name: "fk_workflows_workflow_versions_current_version_id",
                schema: "workflow",
                table: "workflows");

            migrationBuilder.DropTable(
                name: "api_keys",
                schema: "workflow");

            migrationBuilder.DropTable(
                name: "instance_steps",
                schema: "workflow");

            migrationBuilder.DropTable(
                name: "outbox_messages",
                schema: "workflow");

            migrationBuilder.DropTable(
                name: "workflow_instances",
                schema: "workflow");

            migrationBuilder.DropTable(
                name: "received_events",
                schema: "workflow");

            migrationBuilder.DropTable(
                name: "workflow_versions",
                schema: "workflow");

            migrationBuilder.DropTable(
                name: "workflows",
                schema: "workflow");
        }
    }
}
