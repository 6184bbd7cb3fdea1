namespace VideoPipeline.Domain.Storage;

/// <summary>
/// One submitted provider task and where its news goes: the candidate orchestration <see cref="InstanceId"/> of
/// <see cref="JobId"/>'s shot <see cref="ShotIndex"/>, slot <see cref="CandidateId"/>; <see cref="CallbackToken"/> is
/// the unguessable path segment of <c>/api/webhooks/{provider}/{token}</c> the submit gave the provider.
/// </summary>
public sealed record TaskRegistration(string ProviderId, string TaskId, string InstanceId, string JobId, int ShotIndex, string CandidateId, string CallbackToken);
