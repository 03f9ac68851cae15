// What other modules may use from org (the users form picks the linked person).
export { PersonPicker, DepartmentPicker, LocationPicker } from './components/Pickers';
