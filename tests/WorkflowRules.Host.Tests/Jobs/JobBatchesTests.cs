using WorkflowRules.Host.Jobs;

namespace WorkflowRules.Host.Tests.Jobs;

public sealed class JobBatchesTests
{
    [Theory]
    [InlineData(1, 10, 4, new[] { 1 })]
    [InlineData(3, 10, 4, new[] { 1, 1, 1 })]
    [InlineData(8, 10, 4, new[] { 2, 2, 2, 2 })]
    [InlineData(23, 10, 2, new[] { 8, 8, 7 })]
    [InlineData(200, 10, 4, new[] { 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10 })]
    [InlineData(5, 1, 4, new[] { 1, 1, 1, 1, 1 })]
    public void Split_MakesAtLeastAJobPerWorker_AndNoJobLargerThanAllowed(int instances, int instancesPerJob, int parallelJobs, int[] expectedSizes)
    {
        var ids = Enumerable.Range(0, instances).Select(_ => Guid.NewGuid()).ToArray();

        var batches = JobBatches.Split(ids, instancesPerJob, parallelJobs);

        Assert.Equal(expectedSizes, batches.Select(b => b.Length));
        Assert.Equal(ids, batches.SelectMany(b => b));
    }

    [Fact]
    public void Split_RunsAnInstanceNamedTwiceOnce()
    {
        var (first, second) = (Guid.NewGuid(), Guid.NewGuid());

        var batches = JobBatches.Split([first, second, first], 10, 1);

        Assert.Equal([first, second], Assert.Single(batches));
    }

    [Fact]
    public void Split_OfNothing_IsNoJob() => Assert.Empty(JobBatches.Split([], 10, 4));
}
