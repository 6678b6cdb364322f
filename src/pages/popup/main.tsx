// Toolbar popup entry point.
import { mount } from '../../ui/mount';
import { PopupApp } from './popup-app';
import './popup.css';

mount(<PopupApp />);
