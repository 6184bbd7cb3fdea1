namespace VideoPipeline.Domain.Providers;

/// <summary>
/// The verdict on a callback. Only <see cref="CallbackTrust.Authoritative"/> carries a <see cref="Status"/>
/// to apply; a <see cref="CallbackTrust.Hint"/> names the task to query; a rejection says why (for the log, never the body).
/// <see cref="DeliveryId"/> lets the receiver drop duplicates.
/// </summary>
public sealed record CallbackVerification(CallbackTrust Trust, string? TaskId, ProviderTaskStatus? Status, string? DeliveryId, string? RejectReason)
{
    public static CallbackVerification Reject(string reason) => new(CallbackTrust.Rejected, null, null, null, reason);

    public static CallbackVerification HintFor(string taskId, string? deliveryId = null) => new(CallbackTrust.Hint, taskId, null, deliveryId, null);

    public static CallbackVerification Trusted(ProviderTaskStatus status, string? deliveryId) =>
        new(CallbackTrust.Authoritative, status.TaskId, status, deliveryId, null);
}
