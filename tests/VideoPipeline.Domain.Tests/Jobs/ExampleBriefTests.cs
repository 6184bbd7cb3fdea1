using VideoPipeline.Domain.Jobs;
using VideoPipeline.TestSupport;

namespace VideoPipeline.Domain.Tests.Jobs;

public sealed class ExampleBriefTests
{
    public static TheoryData<string> Examples()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(RepositoryPaths.Combine("examples"), "*.json").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public async Task Every_example_brief_is_valid(string fileName)
    {
        await using var stream = File.OpenRead(RepositoryPaths.Combine("examples", fileName));

        var result = await JobBrief.ParseAsync(stream);

        Assert.True(result.IsValid, string.Join("; ", result.Problems));
    }

    [Fact]
    public void There_are_examples_and_the_local_demo_runs_without_keys()
    {
        var examples = Directory.GetFiles(RepositoryPaths.Combine("examples"), "*.json");
        var demo = JobBrief.Parse(File.ReadAllText(RepositoryPaths.Combine("examples", "local-demo.json")));

        Assert.InRange(examples.Length, 2, int.MaxValue);
        Assert.True(demo.IsValid, string.Join("; ", demo.Problems));
        Assert.Equal(ProviderPolicies.Local, demo.Job.ProviderPolicy.Name);
    }
}
