using System.Text.Json.Serialization;

namespace VideoPipeline.Domain.Scoring;

/// <summary>Whether a metric has a value for a candidate. "Not measured" is never faked as a number: its weight goes to the others.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<MetricStatus>))]
public enum MetricStatus
{
    [JsonStringEnumMemberName("measured")]
    Measured,

    [JsonStringEnumMemberName("notMeasured")]
    NotMeasured,
}
