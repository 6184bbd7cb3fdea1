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
    public void There_are_examples_and_one_runs_without_keys()
    {
        var jobs = Directory.GetFiles(RepositoryPaths.Combine("examples"), "*.json")
            .Select(f => JobBrief.Parse(File.ReadAllText(f)).Job)
            .ToList();

        Assert.True(jobs.Count >= 2);
        Assert.Contains(jobs, j => j?.ProviderPolicy.Name == ProviderPolicies.Local);
    }
}
