namespace GovPortal.Publishing;

/// <summary>A publish that cannot go ahead, with a message in Chinese that tells the editor what to do.</summary>
public sealed class PublishException(string message) : Exception(message);
