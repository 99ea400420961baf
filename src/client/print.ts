/** A printed page shows every interview answer: open all disclosures before printing. */
export function openDisclosuresWhenPrinting(): void {
  addEventListener('beforeprint', () => {
    for (const details of document.querySelectorAll('details')) details.open = true;
  });
}
