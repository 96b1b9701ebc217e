/** The labels of a Cloudscape Pagination in the review tables. */
export const pageLabels = { nextPageLabel: "Next page", previousPageLabel: "Previous page", pageLabel: (n: number) => `Page ${n}` };
