using Npgsql;
using WorkflowRules.Host.Database;

namespace WorkflowRules.Host.Tests.Database;

public sealed class ConnectionStringTuningTests
{
    [Fact]
    public void Apply_AddsTheHostsSettings_WhenTheConnectionStringLeavesThemOut()
    {
        var tuned = new NpgsqlConnectionStringBuilder(ConnectionStringTuning.Apply("Host=db;Database=wf;Username=app"));

        Assert.Equal(ConnectionStringTuning.MaxAutoPrepare, tuned.MaxAutoPrepare);
        Assert.True(tuned.NoResetOnClose);
        Assert.Equal("db", tuned.Host);
        Assert.Equal("wf", tuned.Database);
    }

    [Theory]
    [InlineData("Host=db;Max Auto Prepare=0;No Reset On Close=false")]
    [InlineData("Host=db;maxautoprepare=0;NORESETONCLOSE=false")]
    public void Apply_KeepsTheOperatorsOwnValues_InAnySpelling(string connectionString)
    {
        var tuned = new NpgsqlConnectionStringBuilder(ConnectionStringTuning.Apply(connectionString));

        Assert.Equal(0, tuned.MaxAutoPrepare);
        Assert.False(tuned.NoResetOnClose);
    }
}
