using VideoPipeline.Domain.Catalog;

namespace VideoPipeline.Domain.Tests.Catalog;

public sealed class DurationRuleTests
{
    [Theory]
    [InlineData("4,6,8", 4, 4)]
    [InlineData("4,6,8", 5, 6)] // Veo makes the next length up, never 5 s
    [InlineData("4,6,8", 1, 4)]
    [InlineData("4,6,8", 8, 8)]
    [InlineData("4,6,8", 9, null)]
    [InlineData("5,10", 3, 5)]
    [InlineData("5,10", 6, 10)]
    [InlineData("5,10", 11, null)]
    public void A_set_makes_the_shortest_length_at_least_as_long_as_asked(string set, int requested, int? expected)
    {
        var rule = DurationRule.OneOf([.. set.Split(',').Select(int.Parse)]);

        Assert.Equal(expected, rule.OutputFor(requested));
    }

    [Theory]
    [InlineData(1, 2)] // Runway's shortest clip is 2 s
    [InlineData(7, 7)]
    [InlineData(10, 10)]
    [InlineData(11, null)]
    public void A_range_makes_the_asked_length_within_its_bounds(int requested, int? expected) =>
        Assert.Equal(expected, DurationRule.Range(2, 10).OutputFor(requested));

    [Fact]
    public void Rules_describe_themselves_as_people_read_them()
    {
        Assert.Equal("4, 6, 8 s", DurationRule.OneOf(8, 4, 6).Describe());
        Assert.Equal("2–10 s", DurationRule.Range(2, 10).Describe());
    }
}
