using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using VideoPipeline.TestSupport;

namespace VideoPipeline.Media.Tests;

public sealed class FfmpegOptionsValidatorTests
{
    /// <summary>A file that exists on every machine the tests run on: this test assembly.</summary>
    private static readonly string ExistingFile = typeof(FfmpegOptionsValidatorTests).Assembly.Location;

    private static IConfiguration Configuration(string? ffmpeg, string? ffprobe) =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Ffmpeg:FfmpegPath"] = ffmpeg == "<existing>" ? ExistingFile : ffmpeg,
            ["Ffmpeg:FfprobePath"] = ffprobe == "<existing>" ? ExistingFile : ffprobe,
        }).Build();

    private static FfmpegOptions Bind(string? ffmpeg, string? ffprobe) =>
        Configuration(ffmpeg, ffprobe).GetSection(FfmpegOptions.SectionName).Get<FfmpegOptions>() ?? new FfmpegOptions();

    [Theory]
    [InlineData(null, null)]
    [InlineData("", "  ")]
    [InlineData("<existing>", "<existing>")]
    [InlineData("<existing>", null)]
    public void Empty_or_existing_paths_pass(string? ffmpeg, string? ffprobe)
    {
        Assert.Empty(FfmpegOptionsValidator.Problems(Bind(ffmpeg, ffprobe)));
    }

    [Theory]
    [InlineData("/nowhere/ffmpeg", null, "Ffmpeg:FfmpegPath must be an existing file, or empty to find it on PATH; got '/nowhere/ffmpeg'")]
    [InlineData(null, "/nowhere/ffprobe", "Ffmpeg:FfprobePath must be an existing file, or empty to find it on PATH; got '/nowhere/ffprobe'")]
    [InlineData("<existing>", "relative/ffprobe", "Ffmpeg:FfprobePath must be an existing file, or empty to find it on PATH; got 'relative/ffprobe'")]
    public void A_path_that_points_at_nothing_is_refused_naming_the_setting(string? ffmpeg, string? ffprobe, string expected)
    {
        var result = new FfmpegOptionsValidator().Validate(Options.DefaultName, Bind(ffmpeg, ffprobe));

        Assert.True(result.Failed);
        Assert.Equal([expected], result.Failures);
    }

    [Fact]
    public void Both_bad_paths_are_reported_at_once()
    {
        Assert.Equal(
            [
                "Ffmpeg:FfmpegPath must be an existing file, or empty to find it on PATH; got '/a'",
                "Ffmpeg:FfprobePath must be an existing file, or empty to find it on PATH; got '/b'",
            ],
            FfmpegOptionsValidator.Problems(Bind("/a", "/b")));
    }

    [Fact]
    public void A_host_fails_at_start_with_the_validator_s_message()
    {
        using var services = new ServiceCollection().AddFfmpeg(Configuration("/nowhere/ffmpeg", null)).BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Equal("Ffmpeg:FfmpegPath must be an existing file, or empty to find it on PATH; got '/nowhere/ffmpeg'", ex.Message);
    }

    [Fact]
    [Trait(TestCategories.Key, TestCategories.Integration)]
    public void A_host_with_no_paths_finds_the_tools_on_PATH()
    {
        using var services = new ServiceCollection().AddFfmpeg(Configuration(null, null)).BuildServiceProvider();

        services.GetRequiredService<IStartupValidator>().Validate();
        var tools = services.GetRequiredService<FfmpegTools>();

        Assert.Equal(FfmpegTools.Locate(), tools);
        Assert.Equal("ffprobe", Path.GetFileName(tools.Ffprobe));
    }
}
