using System.Text.Json.Serialization;

namespace VideoPipeline.Domain.Scoring;

/// <summary>
/// How a metric counts. A preference is scored against the shot's other candidates (content
/// differences are legitimate there); a defect is read against absolute thresholds
/// (<see cref="DefectRules"/>), whatever the siblings look like.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<MetricKind>))]
public enum MetricKind
{
    [JsonStringEnumMemberName("preference")]
    Preference,

    [JsonStringEnumMemberName("defect")]
    Defect,
}
