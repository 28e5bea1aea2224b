using BenchmarkDotNet.Running;

namespace WorkflowRules.Benchmarks;

/// <summary>
/// Entry point: BenchmarkDotNet's switcher, so every BenchmarkDotNet option works
/// (<c>--filter '*Condition*'</c>, <c>--job short</c>, <c>--job dry</c>, <c>--list flat</c>…).
/// </summary>
public static class Program
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
