namespace GovPortal.BackOffice.Pages;

public sealed record MessagePageModel(Shell Shell, string Message, bool IsError, string? BackUrl);
