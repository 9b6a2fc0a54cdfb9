/**
 * The namespace of every section editor. Lexical stamps it on copied JSON, so content copied
 * from one section pastes into another losslessly instead of through the HTML normalizer.
 */
export const EDITOR_NAMESPACE = 'aed-section';
