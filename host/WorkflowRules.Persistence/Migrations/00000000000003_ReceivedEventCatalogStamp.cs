using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WorkflowRules.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ReceivedEventCatalogStamp : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "catalog_stamp",
                schema: "workflow",
                table: "received_events",
                type: "bigint",
                nullable: true);

            // Intake decides from the enabled workflows a host holds in memory and stores their stamp with the event;
            // checking it here, in the insert, saves every event a read of the stamp beforehand. Rows without a stamp
            // (events raised by responses, decided later) are not checked.
            migrationBuilder.Sql(
                """
                CREATE FUNCTION workflow.refuse_stale_catalog_stamp() RETURNS trigger LANGUAGE plpgsql AS $$
                DECLARE
                    current_stamp bigint := (SELECT value FROM workflow.workflow_catalog_stamp WHERE id = 1);
                BEGIN
                    IF NEW.catalog_stamp <> current_stamp THEN
                        RAISE EXCEPTION 'event % was decided against workflow catalog stamp %, which has moved to %: decide it again',
                            NEW.id, NEW.catalog_stamp, current_stamp USING ERRCODE = 'WR001';
                    END IF;
                    RETURN NEW;
                END $$;
                CREATE TRIGGER received_events_refuse_stale_catalog_stamp
                    BEFORE INSERT ON workflow.received_events
                    FOR EACH ROW WHEN (NEW.catalog_stamp IS NOT NULL) EXECUTE FUNCTION workflow.refuse_stale_catalog_stamp();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(
                """
                DROP TRIGGER received_events_refuse_stale_catalog_stamp ON workflow.received_events;
                DROP FUNCTION workflow.refuse_stale_catalog_stamp();
                """);

            migrationBuilder.DropColumn(
                name: "catalog_stamp",
                schema: "workflow",
                table: "received_events");
        }
    }
}
