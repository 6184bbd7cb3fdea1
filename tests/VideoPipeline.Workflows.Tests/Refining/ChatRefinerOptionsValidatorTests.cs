using VideoPipeline.Workflows.Refining;

namespace VideoPipeline.Workflows.Tests.Refining;

public sealed class ChatRefinerOptionsValidatorTests
{
    [Theory]
    [InlineData(null, "", null)]
    [InlineData("https://api.example.com/v1/", "gpt-x", null)]
    [InlineData("http://127.0.0.1:8080/v1/", "local-model", null)]
    [InlineData("http://api.example.com/v1/", "gpt-x", "Pipeline:Refiner:BaseUrl must be an absolute https URL (http only on loopback), was 'http://api.example.com/v1/'")]
    [InlineData("ftp://127.0.0.1/", "gpt-x", "Pipeline:Refiner:BaseUrl must be an absolute https URL")]
    [InlineData("https://api.example.com/v1/", " ", "Pipeline:Refiner:Model must name the chat model when Pipeline:Refiner:BaseUrl is set")]
    public void The_base_url_and_model_are_checked_only_when_the_refiner_is_on(string? baseUrl, string model, string? problem)
    {
        var result = new ChatRefinerOptionsValidator().Validate(null, new ChatRefinerOptions { BaseUrl = baseUrl is null ? null : new Uri(baseUrl), Model = model });

        if (problem is null)
        {
            Assert.True(result.Succeeded, result.FailureMessage);
        }
        else
        {
            Assert.Contains(result.Failures!, f => f.StartsWith(problem, StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData(0, 10_000, 65_536, "Pipeline:Refiner:RequestTimeout must be between 100 ms and 5 minutes")]
    [InlineData(10_000, 600_000, 65_536, "Pipeline:Refiner:BodyTimeout must be between 100 ms and 5 minutes")]
    [InlineData(10_000, 10_000, 100, "Pipeline:Refiner:MaxResponseBytes must be between 1024 and 16777216 (was 100)")]
    public void Deadlines_and_the_size_cap_must_be_sane(int requestMs, int bodyMs, int maxBytes, string problem)
    {
        var result = new ChatRefinerOptionsValidator().Validate(null, new ChatRefinerOptions
        {
            BaseUrl = new Uri("https://api.example.com/v1/"),
            Model = "gpt-x",
            RequestTimeout = TimeSpan.FromMilliseconds(requestMs),
            BodyTimeout = TimeSpan.FromMilliseconds(bodyMs),
            MaxResponseBytes = maxBytes,
        });

        Assert.Contains(result.Failures!, f => f.StartsWith(problem, StringComparison.Ordinal));
    }
}
