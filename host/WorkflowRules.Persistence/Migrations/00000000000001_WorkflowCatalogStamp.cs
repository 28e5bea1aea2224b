using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WorkflowRules.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class WorkflowCatalogStamp : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "workflow_catalog_stamp",
                schema: "workflow",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false),
                    value = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_workflow_catalog_stamp", x => x.id);
                    table.CheckConstraint("ck_workflow_catalog_stamp_singleton", "id = 1");
                });

            migrationBuilder.InsertData(
                schema: "workflow",
                table: "workflow_catalog_stamp",
                columns: new[] { "id", "value" },
                values: new object[] { 1, 0L });

            // A statement trigger rather than application code: every writer bumps the stamp in its own transaction,
            // whether it is this host, another host, or an operator's UPDATE in psql.
            migrationBuilder.Sql(
                """
                CREATE FUNCTION workflow.bump_workflow_catalog_stamp() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    UPDATE workflow.workflow_catalog_stamp SET value = value + 1 WHERE id = 1;
                    RETURN NULL;
                END $$;
                CREATE TRIGGER workflows_bump_catalog_stamp
                    AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON workflow.workflows
                    FOR EACH STATEMENT EXECUTE FUNCTION workflow.bump_workflow_catalog_stamp();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(
                """
                DROP TRIGGER workflows_bump_catalog_stamp ON workflow.workflows;
                DROP FUNCTION workflow.bump_workflow_catalog_stamp();
                """);

            migrationBuilder.DropTable(
                name: "workflow_catalog_stamp",
                schema: "workflow");
        }
    }
}
