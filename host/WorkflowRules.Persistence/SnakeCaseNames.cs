using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace WorkflowRules.Persistence;

/// <summary>
/// Gives every column, key, foreign key and index a snake_case name, so hand-written SQL (reports,
/// filters, psql sessions) never needs quoted PascalCase identifiers. Table names are set by each
/// entity's configuration.
/// </summary>
internal static class SnakeCaseNames
{
    public static void Apply(ModelBuilder modelBuilder)
    {
        foreach (var entityType in modelBuilder.Model.GetEntityTypes())
        {
            var table = entityType.GetTableName()
                ?? throw new InvalidOperationException($"Entity {entityType.DisplayName()} has no table name; set it in its configuration.");

            foreach (var property in entityType.GetProperties())
            {
                // Row versions are mapped to the xmin system column by the Npgsql provider: leave their name alone.
                if (!IsRowVersion(property))
                {
                    property.SetColumnName(ToSnakeCase(property.Name));
                }
            }

            foreach (var key in entityType.GetKeys())
            {
                key.SetName(key.IsPrimaryKey() ? $"pk_{table}" : $"ak_{table}_{Columns(key.Properties)}");
            }

            foreach (var foreignKey in entityType.GetForeignKeys())
            {
                var principalTable = foreignKey.PrincipalEntityType.GetTableName();
                foreignKey.SetConstraintName($"fk_{table}_{principalTable}_{Columns(foreignKey.Properties)}");
            }

            // Indexes named in their configuration keep that name.
            foreach (var index in entityType.GetIndexes().Where(i => i.GetDatabaseName()?.StartsWith("IX_", StringComparison.Ordinal) != false))
            {
                index.SetDatabaseName($"ix_{table}_{Columns(index.Properties)}");
            }
        }
    }

    public static string ToSnakeCase(string name)
    {
        var builder = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c))
            {
                var startsWord = i > 0 && (char.IsLower(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1]) && char.IsUpper(name[i - 1])));
                if (startsWord)
                {
                    builder.Append('_');
                }

                builder.Append(char.ToLowerInvariant(c));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static bool IsRowVersion(IMutableProperty property)
        => property.IsConcurrencyToken && property.ValueGenerated == ValueGenerated.OnAddOrUpdate;

    private static string Columns(IEnumerable<IMutableProperty> properties)
        => string.Join('_', properties.Select(p => p.GetColumnName()));
}
