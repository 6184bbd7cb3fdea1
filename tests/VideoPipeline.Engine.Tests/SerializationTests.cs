using System.Text.Json;
using System.Text.Json.Serialization;
using VideoPipeline.Domain.Orchestration;

namespace VideoPipeline.Engine.Tests;

public sealed class SerializationTests
{
    [Fact]
    public async Task Payloads_round_trip_through_a_source_generated_json_context()
    {
        var converter = new JsonDataConverter(new JsonSerializerOptions { TypeInfoResolver = PayloadJsonContext.Default });
        await using var harness = new EngineHarness(configure: o => o.DataConverter = converter);
        harness.Registry
            .AddActivity("Score", () => new Activity<Shot, Scored>(shot => Task.FromResult(new Scored(shot.Index, shot.Prompt.Length / 10.0))))
            .AddOrchestrator("ScoreShot", () => new Orchestrator<Shot, Scored>(async (context, shot) =>
            {
                var scored = await context.CallActivityAsync<Scored>("Score", shot);
                context.SetCustomStatus(new Scored(shot.Index, -1));
                return scored with { Score = scored.Score + await context.WaitForExternalEvent<double>("Bonus") };
            }));
        await harness.StartAsync();

        var id = await harness.Client.ScheduleNewOrchestrationInstanceAsync("ScoreShot", new Shot(3, "a lake at dawn, slow pan"));
        await harness.Client.RaiseEventAsync(id, "bonus", 0.5);
        var result = await harness.CompletionAsync(id);

        Assert.Equal(new Scored(3, 2.9), result.ReadOutputAs<Scored>());
        Assert.Equal("""{"Index":3,"Score":-1}""", result.SerializedCustomStatus);
    }

    internal sealed record Shot(int Index, string Prompt);

    internal sealed record Scored(int Index, double Score);
}

[JsonSerializable(typeof(SerializationTests.Shot))]
[JsonSerializable(typeof(SerializationTests.Scored))]
[JsonSerializable(typeof(double))]
internal sealed partial class PayloadJsonContext : JsonSerializerContext;
