/** The article as paragraphs; text is rendered by React, so nothing in it is interpreted as markup. */
export function ArticleView({ text }: { text: string }) {
  return (
    <div className="article-text">
      {text.split('\n\n').map((paragraph, i) => (
        <p key={i}>{paragraph}</p>
      ))}
    </div>
  )
}
