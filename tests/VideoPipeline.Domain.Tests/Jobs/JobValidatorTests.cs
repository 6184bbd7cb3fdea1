using System.Text;
using VideoPipeline.Domain.Jobs;

namespace VideoPipeline.Domain.Tests.Jobs;

public sealed class JobValidatorTests
{
    [Fact]
    public void Minimal_brief_gets_every_default()
    {
        var result = JobBrief.Parse(Briefs.Minimal);

        Assert.True(result.IsValid, string.Join("; ", result.Problems));
        var job = result.Job;
        Assert.Equal(AspectRatios.Landscape, job.AspectRatio);
        Assert.Equal(Resolutions.P1080, job.Resolution);
        Assert.Equal(JobLimits.DefaultCandidatesPerShot, job.CandidatesPerShot);
        Assert.Equal(ProviderPolicies.Balanced, job.ProviderPolicy.Name);
        Assert.Equal(ReviewModes.Auto, job.Review.Mode);
        Assert.Null(job.BudgetUsd);
        Assert.Null(job.CallbackUrl);
        var shot = Assert.Single(job.Shots);
        Assert.Equal(0, shot.Index);
        Assert.Equal(JobLimits.DefaultShotDurationSeconds, shot.DurationSeconds);
    }

    [Theory]
    [InlineData("\"candidatesPerShot\": 3")]
    [InlineData("\"candidatesPerShot\": 5")]
    [InlineData("\"aspectRatio\": \"9:16\", \"resolution\": \"720p\"")]
    [InlineData("\"aspectRatio\": \"1:1\"")]
    [InlineData("\"providerPolicy\": { \"name\": \"local\" }")]
    [InlineData("\"providerPolicy\": { \"providers\": [\"runway\", \"kling\", \"veo-gemini\"] }")]
    [InlineData("\"budgetUsd\": 0.01")]
    [InlineData("\"budgetUsd\": 10000")]
    [InlineData("\"review\": { \"mode\": \"human\", \"timeoutMinutes\": 10080 }")]
    [InlineData("\"callbackUrl\": \"https://hooks.example.com/done\"")]
    [InlineData("\"callbackUrl\": \"http://localhost:5005/done\"")]
    [InlineData("\"clientJobId\": \"Spring-sale_2026.v1\"")]
    public void Valid_fields_are_accepted(string fields)
    {
        var result = JobBrief.Parse(Briefs.With(fields));

        Assert.True(result.IsValid, string.Join("; ", result.Problems));
    }

    [Theory]
    [InlineData("\"candidatesPerShot\": 2", "$.candidatesPerShot", "must be 3 to 5; got 2")]
    [InlineData("\"candidatesPerShot\": 6", "$.candidatesPerShot", "must be 3 to 5; got 6")]
    [InlineData("\"aspectRatio\": \"4:3\"", "$.aspectRatio", "must be one of 16:9, 9:16, 1:1; got '4:3'")]
    [InlineData("\"resolution\": \"4k\"", "$.resolution", "must be one of 720p, 1080p; got '4k'")]
    [InlineData("\"budgetUsd\": 0", "$.budgetUsd", "must be more than 0 and at most 10000; got 0")]
    [InlineData("\"budgetUsd\": -5", "$.budgetUsd", "must be more than 0 and at most 10000; got -5")]
    [InlineData("\"budgetUsd\": 10000.01", "$.budgetUsd", "must be more than 0 and at most 10000; got 10000.01")]
    [InlineData("\"review\": { \"mode\": \"manual\" }", "$.review.mode", "must be one of auto, human; got 'manual'")]
    [InlineData("\"review\": { \"mode\": \"human\", \"timeoutMinutes\": 0 }", "$.review.timeoutMinutes", "must be 1 to 10080 minutes; got 0")]
    [InlineData("\"review\": { \"mode\": \"human\", \"timeoutMinutes\": 10081 }", "$.review.timeoutMinutes", "must be 1 to 10080 minutes; got 10081")]
    [InlineData("\"review\": { \"mode\": \"human\", \"timout\": 5 }", "$.review.timout", "is not a field of the job contract")]
    [InlineData("\"callbackUrl\": \"http://hooks.example.com/done\"", "$.callbackUrl", "must use https (plain http is accepted only for localhost)")]
    [InlineData("\"callbackUrl\": \"ftp://hooks.example.com/done\"", "$.callbackUrl", "must be an absolute https URL")]
    [InlineData("\"callbackUrl\": \"/relative/path\"", "$.callbackUrl", "must be an absolute https URL")]
    [InlineData("\"callbackUrl\": \"https://user:secret@hooks.example.com/\"", "$.callbackUrl", "must not carry credentials")]
    [InlineData("\"clientJobId\": \"has space\"", "$.clientJobId", "must be 1–64 characters of letters, digits, '.', '_' or '-', starting with a letter or digit")]
    [InlineData("\"clientJobId\": \"job:1\"", "$.clientJobId", "must be 1–64 characters of letters, digits, '.', '_' or '-', starting with a letter or digit")]
    [InlineData("\"clientJobId\": \"-leading-dash\"", "$.clientJobId", "must be 1–64 characters of letters, digits, '.', '_' or '-', starting with a letter or digit")]
    [InlineData("\"clientJobId\": \"\"", "$.clientJobId", "must be 1–64 characters of letters, digits, '.', '_' or '-', starting with a letter or digit")]
    [InlineData("\"providerPolicy\": { \"name\": \"fastest\" }", "$.providerPolicy.name", "must be one of balanced, cheapest, quality, local; got 'fastest'")]
    [InlineData("\"providerPolicy\": { }", "$.providerPolicy", "needs a name (balanced, cheapest, quality, local) or a providers list")]
    [InlineData("\"providerPolicy\": { \"name\": \"local\", \"providers\": [\"local\"] }", "$.providerPolicy", "give either name or providers, not both")]
    [InlineData("\"providerPolicy\": { \"providers\": [] }", "$.providerPolicy.providers", "must list 1 to 6 providers; got 0")]
    [InlineData("\"providerPolicy\": { \"providers\": [\"pika\"] }", "$.providerPolicy.providers[0]", "must be one of veo-gemini, gemini-omni, veo-vertex, runway, kling, sora, replicate, xai, fal, local; got 'pika'")]
    [InlineData("\"providerPolicy\": { \"providers\": [\"kling\", \"kling\"] }", "$.providerPolicy.providers[1]", "'kling' is listed twice")]
    [InlineData("\"providerPolicy\": { \"providers\": [\"kling\", null] }", "$.providerPolicy.providers[1]", "must be a provider id")]
    [InlineData("\"candidatesPerShots\": 4", "$.candidatesPerShots", "is not a field of the job contract")]
    public void Each_bad_field_is_rejected_with_its_path_and_what_it_takes(string fields, string expectedPath, string expectedMessage)
    {
        var result = JobBrief.Parse(Briefs.With(fields));

        Assert.False(result.IsValid);
        Assert.Equal(new ValidationProblem(expectedPath, expectedMessage), Assert.Single(result.Problems));
    }

    [Theory]
    [InlineData("\"durationSeconds\": 0", "$.shots[0].durationSeconds", "must be 1 to 20 seconds; got 0")]
    [InlineData("\"durationSeconds\": 21", "$.shots[0].durationSeconds", "must be 1 to 20 seconds; got 21")]
    [InlineData("\"referenceImageUrl\": \"http://cdn.example.com/a.jpg\"", "$.shots[0].referenceImageUrl", "must use https")]
    [InlineData("\"referenceImageUrl\": \"http://localhost/a.jpg\"", "$.shots[0].referenceImageUrl", "must use https")]
    [InlineData("\"referenceImageUrl\": \"not a url\"", "$.shots[0].referenceImageUrl", "must be an absolute https URL")]
    [InlineData("\"negativePrompt\": \"bad\\u0007bell\"", "$.shots[0].negativePrompt", "must not contain control characters")]
    [InlineData("\"seed\": 42", "$.shots[0].seed", "is not a field of the job contract")]
    public void Each_bad_shot_field_is_rejected_with_its_path_and_what_it_takes(string fields, string expectedPath, string expectedMessage)
    {
        var result = JobBrief.Parse(Briefs.WithShot(fields));

        Assert.False(result.IsValid);
        Assert.Equal(new ValidationProblem(expectedPath, expectedMessage), Assert.Single(result.Problems));
    }

    [Theory]
    [InlineData("""{ "shots": [ { "prompt": "p" } ] }""", "$.title", "is required")]
    [InlineData("""{ "title": "   ", "shots": [ { "prompt": "p" } ] }""", "$.title", "is required")]
    [InlineData("""{ "title": "t" }""", "$.shots", "is required: a list of 1 to 50 shots")]
    [InlineData("""{ "title": "t", "shots": [] }""", "$.shots", "must hold 1 to 50 shots; got 0")]
    [InlineData("""{ "title": "t", "shots": [ {} ] }""", "$.shots[0].prompt", "is required")]
    [InlineData("""{ "title": "t", "shots": [ { "prompt": " " } ] }""", "$.shots[0].prompt", "is required")]
    [InlineData("""{ "title": "t", "shots": [ null ] }""", "$.shots[0]", "must be an object with at least a prompt")]
    [InlineData("null", "$", "the brief is empty; expected a JSON object")]
    public void Missing_required_fields_are_rejected_with_their_path_and_why(string json, string expectedPath, string expectedMessage)
    {
        var result = JobBrief.Parse(json);

        Assert.False(result.IsValid);
        Assert.Equal(new ValidationProblem(expectedPath, expectedMessage), Assert.Single(result.Problems));
    }

    [Fact]
    public void Too_many_shots_are_rejected()
    {
        var shots = string.Join(",", Enumerable.Repeat("""{ "prompt": "p" }""", JobLimits.MaxShots + 1));
        var result = JobBrief.Parse($$"""{ "title": "t", "shots": [{{shots}}] }""");

        Assert.Equal("$.shots", Assert.Single(result.Problems).Path);
    }

    [Fact]
    public void Fifty_shots_are_accepted()
    {
        var shots = string.Join(",", Enumerable.Repeat("""{ "prompt": "p" }""", JobLimits.MaxShots));

        Assert.True(JobBrief.Parse($$"""{ "title": "t", "shots": [{{shots}}] }""").IsValid);
    }

    [Fact]
    public void Overlong_texts_are_rejected_at_their_limit_not_before()
    {
        var atLimit = new string('a', JobLimits.MaxPromptLength);
        var overLimit = atLimit + "a";

        Assert.True(JobBrief.Parse(Briefs.WithShot($"\"negativePrompt\": \"{new string('n', JobLimits.MaxNegativePromptLength)}\"")).IsValid);
        Assert.True(JobBrief.Parse($$"""{ "title": "t", "shots": [ { "prompt": "{{atLimit}}" } ] }""").IsValid);
        var result = JobBrief.Parse($$"""{ "title": "{{new string('t', JobLimits.MaxTitleLength + 1)}}", "shots": [ { "prompt": "{{overLimit}}" } ] }""");
        Assert.Equal(["$.title", "$.shots[0].prompt"], result.Problems.Select(p => p.Path));
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        const string json = """
            {
              "title": "",
              "aspectRatio": "4:3",
              "candidatesPerShot": 9,
              "budgetUsd": -1,
              "shots": [
                { "prompt": "ok", "durationSeconds": 99 },
                { "durationSeconds": 5, "referenceImageUrl": "ftp://x" }
              ],
              "providerPolicy": { "providers": ["pika"] },
              "callbackUrl": "http://example.com"
            }
            """;

        var result = JobBrief.Parse(json);

        Assert.Equal(
            [
                "$.title", "$.aspectRatio", "$.candidatesPerShot", "$.shots[0].durationSeconds",
                "$.shots[1].prompt", "$.shots[1].referenceImageUrl", "$.providerPolicy.providers[0]",
                "$.budgetUsd", "$.callbackUrl",
            ],
            result.Problems.Select(p => p.Path));
    }

    [Theory]
    [InlineData("""{ "title": "t", "shots": [ { "prompt": "p", "durationSeconds": "five" } ] }""", "$.shots[0].durationSeconds", "must be a whole number; got a string (line 1, column 64)")]
    [InlineData("""{ "title": "t", "shots": [ { "prompt": "p", "durationSeconds": 5.5 } ] }""", "$.shots[0].durationSeconds", "must be a whole number; got 5.5 (line 1, column 64)")]
    [InlineData("""{ "title": "t", "candidatesPerShot": 99999999999, "shots": [ { "prompt": "p" } ] }""", "$.candidatesPerShot", "is out of range; got 99999999999 (line 1, column 38)")]
    [InlineData("""{ "title": "t", "budgetUsd": true, "shots": [ { "prompt": "p" } ] }""", "$.budgetUsd", "must be a number; got true (line 1, column 30)")]
    [InlineData("""{ "title": 5, "shots": [ { "prompt": "p" } ] }""", "$.title", "must be a string; got 5 (line 1, column 12)")]
    [InlineData("""{ "Title": [], "shots": [ { "prompt": "p" } ] }""", "$.Title", "must be a string; got an array (line 1, column 12)")]
    [InlineData("""{ "title": "t", "shots": { "prompt": "p" } }""", "$.shots", "must be an array; got an object (line 1, column 26)")]
    [InlineData("""{ "title": "t", "shots": [ 5 ] }""", "$.shots[0]", "must be an object; got 5 (line 1, column 28)")]
    [InlineData("""{ "title": "t", "providerPolicy": { "providers": [ "kling", 7 ] }, "shots": [ { "prompt": "p" } ] }""", "$.providerPolicy.providers[1]", "must be a string; got 7 (line 1, column 61)")]
    [InlineData("""{ "title": "t", "review": "human", "shots": [ { "prompt": "p" } ] }""", "$.review", "must be an object; got a string (line 1, column 27)")]
    [InlineData("""[ 1 ]""", "$", "must be an object; got an array (line 1, column 1)")]
    [InlineData("""{ "title": "t", """, "$", "is not valid JSON: the text ends before the brief is complete (line 1, column 17)")]
    [InlineData("""{ "title": 't' }""", "$.title", "is not valid JSON: a string must be in double quotes, not single quotes (line 1, column 12)")]
    [InlineData("{ \"title\": \"t\"\n  \"shots\": [] }", "$", "is not valid JSON: unexpected '\"' (line 2, column 3)")]
    [InlineData("{ \"title\": \"é\", \"shots\": [ { \"prompt\": \"p\" } ] } x", "$", "is not valid JSON: unexpected 'x' (line 1, column 50)")]
    [InlineData("", "$", "is not valid JSON: the text ends before the brief is complete (line 1, column 1)")]
    public void Malformed_json_is_described_in_our_words_with_its_path_and_position(string json, string expectedPath, string expectedMessage)
    {
        var problem = Assert.Single(JobBrief.Parse(json).Problems);

        Assert.Equal(expectedPath, problem.Path);
        Assert.Equal(expectedMessage, problem.Message);
    }

    [Fact]
    public async Task A_stream_with_a_byte_order_mark_reads_like_a_string_and_is_described_the_same_when_malformed()
    {
        var bom = Encoding.UTF8.Preamble.ToArray();
        const string malformed = """{ "title": "t", "shots": [ 5 ] }""";

        var valid = await JobBrief.ParseAsync(new MemoryStream([.. bom, .. Encoding.UTF8.GetBytes(Briefs.Minimal)]));
        var fromStream = await JobBrief.ParseAsync(new MemoryStream([.. bom, .. Encoding.UTF8.GetBytes(malformed)]));

        Assert.True(valid.IsValid, string.Join("; ", valid.Problems));
        Assert.Equal(JobBrief.Parse(malformed).Problems, fromStream.Problems);
    }

    [Fact]
    public void Hand_written_briefs_may_hold_comments_and_trailing_commas()
    {
        const string json = """
            {
              // the spring campaign
              "title": "t",
              "shots": [ { "prompt": "p", }, ],
            }
            """;

        Assert.True(JobBrief.Parse(json).IsValid);
    }

    [Fact]
    public void Property_names_are_camel_case_and_round_trip()
    {
        var job = JobBrief.Parse(Briefs.With("\"budgetUsd\": 12.5, \"review\": { \"mode\": \"human\" }")).Job!;

        var json = System.Text.Json.JsonSerializer.Serialize(job, JobContractJsonContext.Default.JobSpec);

        Assert.Contains("\"budgetUsd\":12.5", json, StringComparison.Ordinal);
        Assert.Contains("\"candidatesPerShot\":3", json, StringComparison.Ordinal);
        var back = System.Text.Json.JsonSerializer.Deserialize(json, JobContractJsonContext.Default.JobSpec)!;
        Assert.Equal(job.Title, back.Title);
        Assert.Equal(job.Shots, back.Shots);
        Assert.Equal(job.Review, back.Review);
    }

    [Fact]
    public void Dimensions_follow_resolution_and_aspect()
    {
        Assert.Equal((1920, 1080), Resolutions.Dimensions(Resolutions.P1080, AspectRatios.Landscape));
        Assert.Equal((1080, 1920), Resolutions.Dimensions(Resolutions.P1080, AspectRatios.Portrait));
        Assert.Equal((720, 720), Resolutions.Dimensions(Resolutions.P720, AspectRatios.Square));
        Assert.Equal((1280, 720), Resolutions.Dimensions(Resolutions.P720, AspectRatios.Landscape));
    }
}
