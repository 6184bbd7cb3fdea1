using VideoPipeline.Benchmarks;
using VideoPipeline.Benchmarks.Suites;

IBenchmarkSuite[] suites = [new ContractSuite(), new ProvidersSuite(), new ScoringSuite(), new RuntimeSuite(), new PipelineSuite()];

if (args.Length != 1 || suites.All(s => s.Name != args[0]))
{
    Console.Error.WriteLine("usage: dotnet run -c Release --project tests/VideoPipeline.Benchmarks -- <suite>");
    foreach (var s in suites)
    {
        Console.Error.WriteLine($"  {s.Name,-12} {s.Description}");
    }

    return 2;
}

#if DEBUG
Console.Error.WriteLine("warning: a Debug build; figures are only comparable from -c Release");
#endif

var suite = suites.Single(s => s.Name == args[0]);
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};
await suite.RunAsync(new Figures(Console.Out, Console.Error), cancel.Token);
return 0;
