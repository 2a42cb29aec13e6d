using GovPortal.Content.Disclosure;

namespace GovPortal.Publishing.Disclosure;

/// <summary>
/// What one live 信息公开 document or interpretation shows on the pages it is linked from (the replaced or replacing
/// document, the policy and its interpretations): the publish plan compares these faces, so a linked page is
/// rendered again exactly when what it shows of this content changes.
/// </summary>
public sealed record DisclosureFace(
    int Id,
    string Kind,
    string Title,
    string Url,
    DocumentValidity? Validity,
    DateOnly? ValidityChangedOn,
    int? ReplacedById,
    int? PolicyId,
    InterpretationType? InterpretationType);
