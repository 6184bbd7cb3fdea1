using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace VideoPipeline.Domain.Jobs;

/// <summary>
/// Checks a <see cref="JobRequest"/> against the contract and reports every problem at once, each
/// with the JSON path of its field, so a caller fixes a brief in one round trip.
/// </summary>
public static partial class JobValidator
{
    public static JobValidationResult Validate(JobRequest? request)
    {
        if (request is null)
        {
            return JobValidationResult.Invalid([new("$", "the brief is empty; expected a JSON object")]);
        }

        var problems = new List<ValidationProblem>();
        ReportUnknown(problems, "$", request.UnknownFields);

        var clientJobId = request.ClientJobId;
        if (clientJobId is not null && !ClientJobIdPattern().IsMatch(clientJobId))
        {
            problems.Add(new("$.clientJobId",
                $"must be 1–{JobLimits.MaxClientJobIdLength} characters of letters, digits, '.', '_' or '-', starting with a letter or digit"));
        }

        var title = request.Title?.Trim();
        if (string.IsNullOrEmpty(title))
        {
            problems.Add(new("$.title", "is required"));
        }
        else
        {
            CheckText(problems, "$.title", title, JobLimits.MaxTitleLength);
        }

        var aspectRatio = request.AspectRatio ?? AspectRatios.Default;
        CheckOneOf(problems, "$.aspectRatio", aspectRatio, AspectRatios.All);

        var resolution = request.Resolution ?? Resolutions.Default;
        CheckOneOf(problems, "$.resolution", resolution, Resolutions.All);

        var candidates = request.CandidatesPerShot ?? JobLimits.DefaultCandidatesPerShot;
        if (candidates is < JobLimits.MinCandidatesPerShot or > JobLimits.MaxCandidatesPerShot)
        {
            problems.Add(new("$.candidatesPerShot",
                $"must be {JobLimits.MinCandidatesPerShot} to {JobLimits.MaxCandidatesPerShot}; got {candidates}"));
        }

        var shots = ValidateShots(problems, request.Shots);
        var policy = ValidatePolicy(problems, request.ProviderPolicy);

        if (request.BudgetUsd is { } budget && budget is <= 0 or > JobLimits.MaxBudgetUsd)
        {
            problems.Add(new("$.budgetUsd",
                $"must be more than 0 and at most {JobLimits.MaxBudgetUsd.ToString(CultureInfo.InvariantCulture)}; got {budget.ToString(CultureInfo.InvariantCulture)}"));
        }

        var review = ValidateReview(problems, request.Review);

        Uri? callback = null;
        if (request.CallbackUrl is not null)
        {
            callback = CheckUrl(problems, "$.callbackUrl", request.CallbackUrl, allowLoopbackHttp: true);
        }

        if (problems.Count > 0)
        {
            return JobValidationResult.Invalid(problems);
        }

        var job = new JobSpec(clientJobId, title!, shots, aspectRatio, resolution, candidates, policy, request.BudgetUsd, review, callback);
        return new JobValidationResult(job, []);
    }

    private static List<ShotSpec> ValidateShots(List<ValidationProblem> problems, IReadOnlyList<ShotRequest?>? shots)
    {
        var specs = new List<ShotSpec>();
        if (shots is null)
        {
            problems.Add(new("$.shots", $"is required: a list of {JobLimits.MinShots} to {JobLimits.MaxShots} shots"));
            return specs;
        }

        if (shots.Count is < JobLimits.MinShots or > JobLimits.MaxShots)
        {
            problems.Add(new("$.shots", $"must hold {JobLimits.MinShots} to {JobLimits.MaxShots} shots; got {shots.Count}"));
        }

        for (var i = 0; i < shots.Count; i++)
        {
            var path = $"$.shots[{i}]";
            var shot = shots[i];
            if (shot is null)
            {
                problems.Add(new(path, "must be an object with at least a prompt"));
                continue;
            }

            ReportUnknown(problems, path, shot.UnknownFields);

            var prompt = shot.Prompt?.Trim();
            if (string.IsNullOrEmpty(prompt))
            {
                problems.Add(new($"{path}.prompt", "is required"));
            }
            else
            {
                CheckText(problems, $"{path}.prompt", prompt, JobLimits.MaxPromptLength);
            }

            var negative = string.IsNullOrWhiteSpace(shot.NegativePrompt) ? null : shot.NegativePrompt.Trim();
            if (negative is not null)
            {
                CheckText(problems, $"{path}.negativePrompt", negative, JobLimits.MaxNegativePromptLength);
            }

            var duration = shot.DurationSeconds ?? JobLimits.DefaultShotDurationSeconds;
            if (duration is < JobLimits.MinShotDurationSeconds or > JobLimits.MaxShotDurationSeconds)
            {
                problems.Add(new($"{path}.durationSeconds",
                    $"must be {JobLimits.MinShotDurationSeconds} to {JobLimits.MaxShotDurationSeconds} seconds; got {duration}"));
            }

            Uri? reference = null;
            if (shot.ReferenceImageUrl is not null)
            {
                reference = CheckUrl(problems, $"{path}.referenceImageUrl", shot.ReferenceImageUrl, allowLoopbackHttp: false);
            }

            specs.Add(new ShotSpec(i, prompt ?? string.Empty, negative, duration, reference));
        }

        return specs;
    }

    private static ProviderPolicy ValidatePolicy(List<ValidationProblem> problems, ProviderPolicyRequest? request)
    {
        if (request is null)
        {
            return ProviderPolicy.Named(ProviderPolicies.Default);
        }

        const string path = "$.providerPolicy";
        ReportUnknown(problems, path, request.UnknownFields);

        if (request.Name is not null && request.Providers is not null)
        {
            problems.Add(new(path, "give either name or providers, not both"));
            return ProviderPolicy.Named(ProviderPolicies.Default);
        }

        if (request.Name is not null)
        {
            CheckOneOf(problems, $"{path}.name", request.Name, ProviderPolicies.All);
            return ProviderPolicy.Named(request.Name);
        }

        if (request.Providers is null)
        {
            problems.Add(new(path, $"needs a name ({string.Join(", ", ProviderPolicies.All)}) or a providers list"));
            return ProviderPolicy.Named(ProviderPolicies.Default);
        }

        if (request.Providers.Count is 0 or > JobLimits.MaxExplicitProviders)
        {
            problems.Add(new($"{path}.providers", $"must list 1 to {JobLimits.MaxExplicitProviders} providers; got {request.Providers.Count}"));
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < request.Providers.Count; i++)
        {
            var provider = request.Providers[i];
            var itemPath = $"{path}.providers[{i}]";
            if (provider is null)
            {
                problems.Add(new(itemPath, "must be a provider id"));
            }
            else if (CheckOneOf(problems, itemPath, provider, ProviderIds.All) && !seen.Add(provider))
            {
                problems.Add(new(itemPath, $"'{provider}' is listed twice"));
            }
        }

        return new ProviderPolicy(null, [.. request.Providers.OfType<string>()]);
    }

    private static ReviewPolicy ValidateReview(List<ValidationProblem> problems, ReviewRequest? request)
    {
        if (request is null)
        {
            return ReviewPolicy.Auto;
        }

        const string path = "$.review";
        ReportUnknown(problems, path, request.UnknownFields);

        var mode = request.Mode ?? ReviewModes.Auto;
        CheckOneOf(problems, $"{path}.mode", mode, ReviewModes.All);

        var timeout = request.TimeoutMinutes ?? JobLimits.DefaultReviewTimeoutMinutes;
        if (timeout is < JobLimits.MinReviewTimeoutMinutes or > JobLimits.MaxReviewTimeoutMinutes)
        {
            problems.Add(new($"{path}.timeoutMinutes",
                $"must be {JobLimits.MinReviewTimeoutMinutes} to {JobLimits.MaxReviewTimeoutMinutes} minutes; got {timeout}"));
        }

        return new ReviewPolicy(mode, timeout);
    }

    private static bool CheckOneOf(List<ValidationProblem> problems, string path, string value, IReadOnlyList<string> allowed)
    {
        if (allowed.Contains(value, StringComparer.Ordinal))
        {
            return true;
        }

        problems.Add(new(path, $"must be one of {string.Join(", ", allowed)}; got '{value}'"));
        return false;
    }

    private static void CheckText(List<ValidationProblem> problems, string path, string value, int maxLength)
    {
        if (value.Length > maxLength)
        {
            problems.Add(new(path, $"must be at most {maxLength} characters; got {value.Length}"));
        }

        if (value.Any(c => char.IsControl(c) && c is not '\n' and not '\t' and not '\r'))
        {
            problems.Add(new(path, "must not contain control characters"));
        }
    }

    /// <summary>Absolute https URL without credentials; plain http only to loopback (local development).</summary>
    private static Uri? CheckUrl(List<ValidationProblem> problems, string path, string value, bool allowLoopbackHttp)
    {
        if (value.Length > JobLimits.MaxUrlLength)
        {
            problems.Add(new(path, $"must be at most {JobLimits.MaxUrlLength} characters"));
            return null;
        }

        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
        {
            problems.Add(new(path, "must be an absolute https URL"));
            return null;
        }

        if (uri.Scheme == Uri.UriSchemeHttp && !(allowLoopbackHttp && uri.IsLoopback))
        {
            problems.Add(new(path, allowLoopbackHttp
                ? "must use https (plain http is accepted only for localhost)"
                : "must use https"));
            return null;
        }

        if (!string.IsNullOrEmpty(uri.UserInfo))
        {
            problems.Add(new(path, "must not carry credentials"));
            return null;
        }

        return uri;
    }

    private static void ReportUnknown(List<ValidationProblem> problems, string path, Dictionary<string, JsonElement>? unknown)
    {
        if (unknown is null)
        {
            return;
        }

        foreach (var name in unknown.Keys.Order(StringComparer.Ordinal))
        {
            problems.Add(new($"{path}.{name}", "is not a field of the job contract"));
        }
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex ClientJobIdPattern();
}
